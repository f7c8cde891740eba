package httpapi

import (
	"strings"
	"testing"
)

func TestParseBaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw     string
		wantErr string
	}{
		{"https://api.example.com", ""},
		{"https://api.example.net/v1", ""},
		{"http://127.0.0.1:8080/vendor", ""},
		{"http://127.8.9.10", ""},
		{"http://[::1]:9000/x", ""},
		{"http://localhost:8080", ""},
		{"http://LOCALHOST", ""},
		{"http://api.example.com", "non-loopback"},
		{"http://10.0.0.1", "non-loopback"},
		{"http://localhost.evil.com", "non-loopback"},
		{"ftp://api.example.com", "must use https://"},
		{"api.example.com", "must use https://"},
		{"https://", "no host"},
		{"", "empty"},
		{"https://user:pass@api.example.com", "user information"},
		{"https://api.example.com/?x=1", "query or fragment"},
		{"https://exa mple.com", "not a valid URL"},
	}
	for _, tt := range tests {
		name := tt.raw + " is accepted"
		if tt.wantErr != "" {
			name = tt.raw + " is refused"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := ParseBaseURL(tt.raw)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("err = %v, want one mentioning %q", err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "pass@") {
				t.Errorf("error echoes credentials: %v", err)
			}
		})
	}
}

func TestEndpointKeepsTheBaseURLsPathPrefix(t *testing.T) {
	t.Parallel()
	for base, want := range map[string]string{
		"http://127.0.0.1:8080/vendor":  "http://127.0.0.1:8080/vendor/api/partner/plans",
		"http://127.0.0.1:8080/vendor/": "http://127.0.0.1:8080/vendor/api/partner/plans",
		"https://backend.example.com":   "https://backend.example.com/api/partner/plans",
	} {
		a, err := New(Config{BaseURL: base}, Spec{Name: "vendor"})
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Endpoint("/api/partner/plans", nil).String(); got != want {
			t.Errorf("base %s: endpoint %s, want %s", base, got, want)
		}
	}
}
