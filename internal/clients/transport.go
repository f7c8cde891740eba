package clients

import (
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// transport is the last step before the wire, so it sees every attempt,
// retries and redirects included. It paces requests under the vendor's
// limits, attaches the credential only for the configured origin, and logs.
type transport struct {
	api  *api
	next http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := t.api.maskSecrets(req.Context())
	for _, l := range t.api.vendor.limiters {
		if err := l.Wait(ctx); err != nil {
			return nil, err
		}
	}

	// RoundTrippers must not modify the caller's request.
	out := req.Clone(ctx)
	out.Header.Set("User-Agent", t.api.cfg.UserAgent)
	if t.api.cfg.APIKey != "" && sameOrigin(t.api.base, out.URL) {
		t.api.vendor.authorize(out.Header, t.api.cfg.APIKey)
	}

	start := time.Now()
	resp, err := t.next.RoundTrip(out)
	fields := map[string]any{
		"vendor":      t.api.vendor.name,
		"method":      out.Method,
		"url":         redactURL(out.URL),
		"duration_ms": time.Since(start).Milliseconds(),
	}
	if err != nil {
		fields["error"] = err.Error()
		tflog.Debug(ctx, "vendor API request failed", fields)
		return nil, err
	}
	fields["status"] = resp.StatusCode
	tflog.Debug(ctx, "vendor API request", fields)
	return resp, nil
}
