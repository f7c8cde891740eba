package clienttest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// CheckErrorText fails when an error would not survive the trip to
// Terraform or would quote the credential.
func CheckErrorText(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if !utf8.ValidString(msg) {
		t.Fatalf("error is not valid UTF-8: %q", msg)
	}
	if strings.Contains(msg, Key) {
		t.Fatalf("error quotes the API key: %q", msg)
	}
}

// AddBodySeeds adds bodies every decoder target should survive.
func AddBodySeeds(f *testing.F) {
	for _, s := range []string{
		``, `null`, `{}`, `[]`, `"x"`, `{"data":null}`, `{"data":[{}]}`,
		`<!DOCTYPE html><html><body>Just a moment...</body></html>`,
		`{"data":[{"id":1,`, `{"a":1} {"b":2}`,
		`{"data":[{"id":"` + strings.Repeat("é", 150) + `"}]`,
	} {
		f.Add([]byte(s))
	}
}
