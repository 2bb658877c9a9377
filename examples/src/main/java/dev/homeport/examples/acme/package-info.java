/**
 * The {@code acme} camera brand, a worked example: a small HTTP-JSON protocol made up for the
 * README's "Adding a camera brand" walk-through (no real camera speaks it).
 *
 * <h2>The acme protocol</h2>
 *
 * One command per request: {@code POST /api/v1/command} with HTTP Basic credentials and the body
 * {@code {"op": "<operation>", "args": {...}}}. The answer is {@code 200} with
 * {@code {"ok": true, "result": {...}}} or {@code {"ok": false, "error": {"code": "...",
 * "message": "..."}}} ({@code E_UNSUPPORTED} for an operation the camera does not know); wrong
 * credentials are {@code 401}. Operations: {@code info.get}; {@code setting.get {name}} and
 * {@code setting.set {name, value}} with the setting's id and its text form (e.g. {@code power},
 * {@code on}); {@code preset.goto {index}}; {@code preset.list}; {@code position.get};
 * {@code position.set {x, y}}; {@code motion.stop}; any other operation is a raw command.
 * There is no batch operation, so the camera base runs batches command by command.
 */
package dev.homeport.examples.acme;
