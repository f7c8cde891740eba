package provider

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Vendor text (error messages, codes, field names, ids, text bodies) ends
// up in diagnostics, and diagnostics end up on terminals and in CI logs,
// which act on some characters: ESC starts a sequence that can clear the
// screen or plant a hyperlink (OSC 8), CR rewrites the line, bidi controls
// reorder what is shown, and with -no-color a line of a detail starts a
// line of the log, where GitHub Actions reads "::command::" as a workflow
// command. sanitize makes all of them visible text, in one place, on the
// way out of the provider: every diagnostic, warning and function error.
// Newlines and tabs, which the provider's own messages use, are kept.

// maxDiagnosticBytes bounds a diagnostic's summary or detail: vendor
// texts are cut where they enter an error (httpapi.VendorText), and this
// catches whatever else would fill a terminal.
const maxDiagnosticBytes = 16 << 10

// sanitize is s with every control, format (bidi) or separator character
// and every byte that is not UTF-8 written as a Go escape (\x1b, \r,
// \u202e), every line that a CI runner would read as a command quoted,
// and cut to maxDiagnosticBytes.
func sanitize(s string) string {
	if !isPlain(s) {
		lines := strings.Split(s, "\n")
		for i, line := range lines {
			line = escapeControls(line)
			if isCICommand(line) {
				line = strconv.Quote(line)
			}
			lines[i] = line
		}
		s = strings.Join(lines, "\n")
	}
	if len(s) > maxDiagnosticBytes {
		cut := maxDiagnosticBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + fmt.Sprintf("… (%d bytes cut)", len(s)-cut)
	}
	return s
}

// isPlain reports whether s is printable ASCII, newlines and tabs, with no
// line a CI runner could take for a command: the common case, left as is.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n' && c != '\t') || c >= 0x7f {
			return false
		}
	}
	return !strings.Contains(s, "::") && !strings.Contains(s, "##[")
}

// mustEscape reports whether a terminal could act on r, or not show it.
func mustEscape(r rune) bool {
	return r != '\t' && (unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp))
}

func escapeControls(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, line[i])
		case mustEscape(r):
			q := strconv.QuoteRune(r) // '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(line[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isCICommand reports whether a CI runner would read line as a workflow
// command: GitHub Actions trims leading white space, then looks for "::"
// (and the older "##[").
func isCICommand(line string) bool {
	t := strings.TrimLeftFunc(line, unicode.IsSpace)
	return strings.HasPrefix(t, "::") || strings.HasPrefix(t, "##[")
}

// controlCharacters are what sanitize escapes, for masking log lines: the
// logging library can only replace a match, so there they become "***".
var controlCharacters = regexp.MustCompile(`[\x00-\x08\x0b-\x1f\x7f-\x9f\p{Cf}\x{2028}\x{2029}]`)
