/* global HTMLInputElement, Event */
// The coding page, progressively enhanced: a theme ticked while words are selected in the excerpt
// records those words (offsets into the excerpt); digits 1–9 tick the first nine themes shown;
// "/" jumps to the theme finder, which narrows the list; Ctrl+Enter (or Cmd+Enter) saves.
const form = document.getElementById('coding-form')
if (form) {
  const text = document.getElementById('excerpt-text')
  const status = document.getElementById('selection-status')
  const filterGroup = form.querySelector('.lhs-theme-filter')
  const filter = document.getElementById('theme-filter')
  const items = [...form.querySelectorAll('.lhs-theme')]
  let selection = null

  const visible = () => items.filter((item) => !item.hidden)
  const numberKeys = () => {
    items.forEach((item) => (item.querySelector('.lhs-key').textContent = ''))
    visible()
      .slice(0, 9)
      .forEach((item, i) => (item.querySelector('.lhs-key').textContent = String(i + 1)))
  }

  const remember = () => {
    const { selectionStart: start, selectionEnd: end } = text
    selection = end > start ? { start, end } : null
    status.textContent = selection ? `Selected: “${text.value.slice(start, end)}”. Tick a theme to code these words.` : 'Select words in the excerpt to code just those words, or code the whole excerpt.'
  }
  // The excerpt is a text box so the keyboard can select in it; its words are never changed.
  text.addEventListener('beforeinput', (event) => event.preventDefault())
  text.addEventListener('select', remember)
  text.addEventListener('keyup', remember)
  text.addEventListener('mouseup', remember)

  form.addEventListener('change', (event) => {
    const box = event.target
    if (!(box instanceof HTMLInputElement) || box.name !== 'theme') return
    const item = box.closest('.lhs-theme')
    const span = item.querySelector('.lhs-span')
    let shown = item.querySelector('.lhs-span-text')
    if (box.checked && selection) {
      span.value = `${selection.start}-${selection.end}`
      if (!shown) {
        shown = document.createElement('p')
        shown.className = 'nhsuk-body-s lhs-span-text'
        item.append(shown)
      }
      shown.textContent = `On the words “${text.value.slice(selection.start, selection.end)}”`
    } else if (!box.checked) {
      span.value = ''
      shown?.remove()
    }
    status.textContent = `${box.checked ? 'Ticked' : 'Unticked'} ${item.querySelector('label').textContent.trim()}.`
  })

  filterGroup.hidden = false
  filter.addEventListener('input', () => {
    const wanted = filter.value.trim().toLowerCase()
    items.forEach((item) => (item.hidden = wanted !== '' && !item.dataset.name.includes(wanted)))
    numberKeys()
  })

  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement && event.target.type !== 'checkbox'
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault()
      form.requestSubmit()
      return
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return
    if (event.key === '/') {
      event.preventDefault()
      filter.focus()
    } else if (/^[1-9]$/.test(event.key)) {
      const item = visible()[Number(event.key) - 1]
      if (!item) return
      event.preventDefault()
      const box = item.querySelector('input[name="theme"]')
      box.checked = !box.checked
      box.dispatchEvent(new Event('change', { bubbles: true }))
    }
  })
  numberKeys()
}
