// SPDX-License-Identifier: GPL-3.0-or-later
// Swagger UI over the server's own API document. "Try it out" sends requests from this page; with keys on, the
// Authorize button takes a key, which Swagger UI keeps in memory only (persistAuthorization stays off).
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: false, persistAuthorization: false });
});
