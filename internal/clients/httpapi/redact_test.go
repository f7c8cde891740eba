package httpapi

import (
	"net/url"
	"strings"
	"testing"
)

func TestRedactorScrubsEverySpellingOfEveryKey(t *testing.T) {
	t.Parallel()
	const key = "k3y/with+special=chars"
	r := NewRedactor(key, "second-key")
	for _, text := range []string{
		"plain " + key,
		"upper " + strings.ToUpper(key),
		"query-escaped " + url.QueryEscape(key),
		"path-escaped " + url.PathEscape(key),
		`json-escaped k3y\/with+special=chars`,
		"the other key: second-key",
		"both: " + key + " and SECOND-KEY",
	} {
		got := r.Scrub(text)
		if strings.Contains(strings.ToLower(got), "k3y") || strings.Contains(strings.ToLower(got), "second-key") {
			t.Errorf("Scrub(%q) = %q, still holds a key", text, got)
		}
		if !strings.Contains(got, redacted) {
			t.Errorf("Scrub(%q) = %q, want %s in its place", text, got, redacted)
		}
		if !r.Contains([]byte(text)) {
			t.Errorf("Contains(%q) = false", text)
		}
	}
	if r.Contains([]byte("nothing secret here")) {
		t.Error("Contains found a key in text without one")
	}
	var none *Redactor
	if none.Scrub("x") != "x" || none.Contains([]byte("x")) {
		t.Error("a nil Redactor changed text")
	}
}

func TestRedactRawURLHidesUserinfoQueryAndFragment(t *testing.T) {
	t.Parallel()
	tests := []struct{ raw, want string }{
		{"https://api.example.com/v1", "https://api.example.com/v1"},
		{"https://api.example.com/?api_key=s3cr3t", "https://api.example.com/?***"},
		{"https://api.example.com/#tok=s3cr3t", "https://api.example.com/#***"},
		{"https://user:s3cr3t@api.example.com/x?y=s3cr3t#s3cr3t", "https://***@api.example.com/x?***#***"},
		{"https://user:s3cr3t pw@api.example.com", "https://***@api.example.com"},
		{"https://a@b:s3cr3t@api.example.com", "https://***@api.example.com"},
		{"not a url s3cr3t?x", "not a url s3cr3t?***"},
	}
	for _, tt := range tests {
		if got := redactRawURL(tt.raw); got != tt.want {
			t.Errorf("redactRawURL(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestBaseURLErrorsNeverShowItsSecrets(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{
		"https://api.example.com/?api_key=s3cr3t",
		"https://api.example.com/#tok=s3cr3t",
		"https://user:s3cr3t@api.example.com",
		"https://user:s3cr3t pw@api.example.com",
		"http://user:s3cr3t@example.com:99999/",
	} {
		_, err := ParseBaseURL(raw)
		if err == nil {
			t.Fatalf("ParseBaseURL(%q) accepted it", raw)
		}
		if strings.Contains(err.Error(), "s3cr3t") {
			t.Errorf("ParseBaseURL(%q): %v shows the secret", raw, err)
		}
	}
}

func TestBaseURLPortsOutsideTheRangeAreRefused(t *testing.T) {
	t.Parallel()
	for raw, ok := range map[string]bool{
		"https://api.example.com:443": true, "http://127.0.0.1:65535": true, "https://api.example.com:65536": false,
		"https://api.example.com:0": false, "http://127.0.0.1:99999999999999999999": false,
	} {
		_, err := ParseBaseURL(raw)
		if (err == nil) != ok {
			t.Errorf("ParseBaseURL(%q) err = %v, want accepted %v", raw, err, ok)
		}
	}
}
