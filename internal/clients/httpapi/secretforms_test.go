package httpapi

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// encodings are the ways a server, a proxy or an attacker may spell a
// secret it echoes: each must be found inside a longer text too, whatever
// the bytes before it (which shift a base64 encoding's alignment).
var encodings = []struct {
	name   string
	encode func(string) string
}{
	{"as sent", func(s string) string { return s }},
	{"in upper case", strings.ToUpper},
	{"URL-encoded", url.QueryEscape},
	{"percent-encoded byte by byte", func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			fmt.Fprintf(&b, "%%%02X", s[i])
		}
		return b.String()
	}},
	{"JSON-escaped with \\u", func(s string) string {
		var b strings.Builder
		for _, r := range s {
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		return b.String()
	}},
	{"base64", func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }},
	{"base64 after a one-byte prefix", func(s string) string { return base64.StdEncoding.EncodeToString([]byte("x" + s)) }},
	{"base64 after a two-byte prefix", func(s string) string { return base64.StdEncoding.EncodeToString([]byte("xy" + s)) }},
	{"URL-safe base64 without padding", func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte("Bearer " + s)) }},
	{"base64, then URL-encoded", func(s string) string { return url.QueryEscape(base64.StdEncoding.EncodeToString([]byte("?" + s))) }},
	{"hex", func(s string) string { return hex.EncodeToString([]byte(s)) }},
	{"hex in upper case", func(s string) string { return strings.ToUpper(hex.EncodeToString([]byte(s))) }},
}

func TestHoldsSecretFindsTheSecretInEveryEncoding(t *testing.T) {
	t.Parallel()
	for _, key := range []string{"pgk-live-0123456789abcdef", "k3y/with+special=chars?&"} {
		for _, enc := range encodings {
			for _, text := range []string{enc.encode(key), `W/"` + enc.encode(key) + `"`, "prefix " + enc.encode("Bearer "+key) + " suffix"} {
				if !HoldsSecret(text, key) {
					t.Errorf("%s: HoldsSecret(%q) = false", enc.name, text)
				}
			}
		}
	}
}

func TestHoldsSecretLetsOrdinaryValidatorsThrough(t *testing.T) {
	t.Parallel()
	const key = "pgk-live-0123456789abcdef"
	for _, text := range []string{`"v1"`, `W/"5f3c-1a2b"`, "Mon, 07 Dec 2026 10:00:00 GMT", `"` + hex.EncodeToString([]byte("pgk-live")) + `"`, ""} {
		if HoldsSecret(text, key) {
			t.Errorf("HoldsSecret(%q) = true for a validator without the key", text)
		}
	}
	if HoldsSecret("anything", "") {
		t.Error("an empty secret is found everywhere")
	}
}

func TestARedactorFindsEveryEncodingOfEachOfItsSecrets(t *testing.T) {
	t.Parallel()
	r := NewRedactor("first-secret-key", "second-secret-key")
	if !r.HoldsEncoded(base64.StdEncoding.EncodeToString([]byte("Bearer second-secret-key"))) {
		t.Error("the second key in base64 is not found")
	}
	if r.HoldsEncoded(`"v1"`) {
		t.Error("a validator without a key is taken for one")
	}
	var none *Redactor
	if none.HoldsEncoded("first-secret-key") {
		t.Error("a nil Redactor holds secrets")
	}
}
