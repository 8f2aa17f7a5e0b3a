/** A filter's drop-down in a GET form: its first choice (value '') means no filter, and says so ("All", "Any"). */
export function FilterSelect({ id, label, value, options, none = 'All' }: { id: string; label: string; value: string | undefined; options: readonly (readonly [string, string])[]; none?: string }) {
  return (
    <div class="nhsuk-form-group lhs-inline">
      <label class="nhsuk-label" for={id}>
        {label}
      </label>
      <select class="nhsuk-select" id={id} name={id}>
        <option value="">{none}</option>
        {options.map(([v, text]) => (
          <option value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}
