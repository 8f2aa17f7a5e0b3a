// Starts the NHS.UK frontend's components (skip link focus, error summary focus, …). Loaded as a
// module from this server, so the Content-Security-Policy needs no inline scripts.
import { initAll } from '/assets/nhsuk-frontend.min.js'

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported')
initAll()
