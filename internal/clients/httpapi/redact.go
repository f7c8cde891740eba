package httpapi

import (
	"bytes"
	"context"
	"encoding/hex"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// redacted replaces a secret wherever it would otherwise be shown.
const redacted = "***"

// Redactor removes credentials from text on its way to a diagnostic or a log
// line. A vendor may send a key back in any field of any body, header or
// link, and in any of the spellings a server produces when it echoes a
// request: as sent, URL-escaped, JSON-escaped, or in another letter case.
// Scrubbing every outgoing text at one place, rather than each field a
// vendor might fill, is what keeps that promise whatever the vendor sends.
type Redactor struct {
	mu      sync.RWMutex
	secrets []string
	pattern *regexp.Regexp // nil while there is nothing to redact
	lowered [][]byte       // every spelling in lower case, for Contains
	encoded [][]byte       // the base64 cores of every secret, case kept, for Contains
}

// NewRedactor returns a Redactor for secrets; empty ones are ignored.
func NewRedactor(secrets ...string) *Redactor {
	r := &Redactor{}
	r.Add(secrets...)
	return r
}

// Add starts redacting secrets too.
func (r *Redactor) Add(secrets ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range secrets {
		if s != "" && !slices.Contains(r.secrets, s) {
			r.secrets = append(r.secrets, s)
		}
	}
	r.pattern = secretPattern(r.secrets)
	r.lowered, r.encoded = nil, nil
	for _, s := range r.secrets {
		for _, form := range spellings(s) {
			r.lowered = append(r.lowered, lowerASCII([]byte(form)))
		}
		for _, core := range base64Cores(s) {
			// In a JSON string, base64's '/' may come escaped as \/.
			r.encoded = append(r.encoded, []byte(core), []byte(strings.ReplaceAll(core, "/", `\/`)))
		}
	}
}

// secretPattern matches every spelling of every secret, longest first so
// that a key containing another key is redacted whole.
func secretPattern(secrets []string) *regexp.Regexp {
	var alts []string
	seen := map[string]bool{}
	for _, s := range secrets {
		for _, form := range spellings(s) {
			if !seen[form] {
				seen[form] = true
				alts = append(alts, regexp.QuoteMeta(form))
			}
		}
	}
	if len(alts) == 0 {
		return nil
	}
	sortLongestFirst(alts)
	return regexp.MustCompile("(?i)" + strings.Join(alts, "|"))
}

// spellings are the forms in which a server may echo s, and hex, which
// like them can be matched whatever its letter case. Base64 is not among
// them: its letter case is meaning, so Contains looks for it apart.
func spellings(s string) []string {
	quoted := strconv.Quote(s)
	return []string{
		s,
		url.QueryEscape(s),
		url.PathEscape(s),
		quoted[1 : len(quoted)-1],
		strings.ReplaceAll(s, "/", `\/`),
		hex.EncodeToString([]byte(s)),
	}
}

func sortLongestFirst(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && len(s[j]) > len(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// Scrub returns s with every secret replaced by redacted.
func (r *Redactor) Scrub(s string) string {
	if r == nil {
		return s
	}
	r.mu.RLock()
	p := r.pattern
	r.mu.RUnlock()
	if p == nil {
		return s
	}
	return p.ReplaceAllLiteralString(s, redacted)
}

// Contains reports whether b holds any secret in any spelling, or in
// base64 (either alphabet, at any alignment). It runs on every response
// body, so it searches a lower-cased copy with bytes.Index rather than
// running the case-insensitive pattern over megabytes.
func (r *Redactor) Contains(b []byte) bool {
	if r == nil {
		return false
	}
	r.mu.RLock()
	forms, encoded := r.lowered, r.encoded
	r.mu.RUnlock()
	if len(forms) == 0 {
		return false
	}
	for _, core := range encoded {
		if bytes.Contains(b, core) {
			return true
		}
	}
	lower := lowerASCII(b)
	for _, f := range forms {
		if bytes.Contains(lower, f) {
			return true
		}
	}
	return false
}

// lowerASCII is a lower-cased copy of b; other bytes are kept as they are.
func lowerASCII(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// MaskLogs makes every log line written with the returned context redact
// the secrets, in messages and in field values alike.
func (r *Redactor) MaskLogs(ctx context.Context) context.Context {
	if r == nil {
		return ctx
	}
	r.mu.RLock()
	p := r.pattern
	r.mu.RUnlock()
	if p == nil {
		return ctx
	}
	ctx = tflog.MaskAllFieldValuesRegexes(ctx, p)
	return tflog.MaskMessageRegexes(ctx, p)
}
