package provider

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

func TestTheSanitiserQuotesEveryCharacterATerminalOrACILogWouldActOn(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, in, want string
	}{
		{"an ANSI escape that clears the screen", "HTTP 500: \x1b[2J\x1b[Hgone", `HTTP 500: \x1b[2J\x1b[Hgone`},
		{"an OSC 8 hyperlink", "see \x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\", `see \x1b]8;;https://evil.example\x1b\here\x1b]8;;\x1b\`},
		{"a carriage return that rewrites the line", "Error: bad\rAll good", `Error: bad\rAll good`},
		{"a bell", "ding\a", `ding\a`},
		{"a NUL byte", "a\x00b", `a\x00b`},
		{"DEL and a C1 control", "a\x7fb\u009bc", `a\x7fb\u009bc`},
		{"a right-to-left override", "plan_\u202efdp.exe", `plan_\u202efdp.exe`},
		{"the other bidi controls", "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069",
			`\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069`},
		{"a line or paragraph separator", "a\u2028b\u2029c", `a\u2028b\u2029c`},
		{"bytes that are not UTF-8", "a\xffb", `a\xffb`},
		{"a GitHub Actions command starting a line", "HTTP 422:\n::error title=pwned::owned", "HTTP 422:\n\"::error title=pwned::owned\""},
		{"a GitHub Actions command after spaces", "x\n \t ::add-mask::y", "x\n\" \\t ::add-mask::y\""},
		{"a GitHub Actions command as the whole text", "::stop-commands::t", `"::stop-commands::t"`},
		{"a legacy ##[ command", "x\n##[error]y", "x\n\"##[error]y\""},
		{"the provider's own lines, tabs and non-ASCII text", "The read failed:\n  - price: \"€49\"\n\tsee the guide ::x", "The read failed:\n  - price: \"€49\"\n\tsee the guide ::x"},
		{"a colon inside a line", "a::b", "a::b"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := sanitize(tt.in)
			if got != tt.want {
				t.Errorf("sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("sanitize(%q) = %q is not valid UTF-8", tt.in, got)
			}
		})
	}
}

func TestTheSanitiserCutsAnOverlongText(t *testing.T) {
	t.Parallel()
	got := sanitize(strings.Repeat("é", maxDiagnosticBytes))
	if len(got) > maxDiagnosticBytes+100 || !utf8.ValidString(got) || !strings.Contains(got, "bytes cut") {
		t.Errorf("sanitize of %d bytes gave %d bytes (valid UTF-8: %v), want at most about %d, marked as cut",
			2*maxDiagnosticBytes, len(got), utf8.ValidString(got), maxDiagnosticBytes)
	}
}

func TestEveryDiagnosticIsSanitisedOnItsWayOut(t *testing.T) {
	t.Parallel()
	s := &server{provider: &PricingProvider{}}
	d := &tfprotov6.Diagnostic{Summary: "bad\x1b[31m", Detail: "x\n::error::y"}
	s.scrub([]*tfprotov6.Diagnostic{d})
	if d.Summary != `bad\x1b[31m` || d.Detail != "x\n\"::error::y\"" {
		t.Errorf("diagnostic after scrub: %q / %q", d.Summary, d.Detail)
	}
}
