package httpapi

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"
)

// A vendor may echo the key in an encoding a server or proxy produces for
// a header it logs (base64 of "Bearer <key>", hex): in a plan name, that
// would reach the plan, the state and the cache.
func TestAKeyEncodedInABodyValueIsRefused(t *testing.T) {
	t.Parallel()
	const key = "opk-live-Abc123/xyz?+"
	secrets := NewRedactor(key)
	b64 := func(enc *base64.Encoding, prefix string) string { return enc.EncodeToString([]byte(prefix + key)) }
	tests := []struct{ name, value string }{
		{"base64 of the key alone", b64(base64.StdEncoding, "")},
		{"base64 of the key after one byte", b64(base64.StdEncoding, "x")},
		{"base64 of the key after two bytes", b64(base64.StdEncoding, "xy")},
		{"base64 of the Authorization header", b64(base64.StdEncoding, "Bearer ")},
		{"URL-safe base64 without padding", b64(base64.RawURLEncoding, "Basic ")},
		{"base64 with its slashes JSON-escaped", strings.ReplaceAll(b64(base64.StdEncoding, "x"), "/", `\/`)},
		{"lower-case hex", hex.EncodeToString([]byte(key))},
		{"upper-case hex", strings.ToUpper(hex.EncodeToString([]byte(key)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body := `{"data":[{"id":"p1","name":"` + tt.value + `"}]}`
			if err := check(body, secrets); err == nil || !strings.Contains(err.Error(), "the response contains the API key") {
				t.Fatalf("checkBody(%s) = %v, want the key refused", body, err)
			}
		})
	}
}

func TestBodiesWithOtherBase64AndHexPass(t *testing.T) {
	t.Parallel()
	secrets := NewRedactor("opk-live-Abc123/xyz?+")
	for _, body := range []string{
		`{"name":"` + base64.StdEncoding.EncodeToString([]byte("opk-live-Abc124/xyz?+")) + `"}`,
		`{"name":"` + hex.EncodeToString([]byte("some other key value")) + `"}`,
		`{"id":"aGVsbG8gd29ybGQ=","etag":"5d41402abc4b2a76b9719d911017c592"}`,
	} {
		if err := check(body, secrets); err != nil {
			t.Errorf("checkBody(%s) = %v, want it accepted", body, err)
		}
	}
}
