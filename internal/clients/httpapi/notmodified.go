package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/snapshot"
)

// errAskAgain is a 304 that cannot confirm the copy (RFC 9111 §4.3.4): the
// page is asked for once more, without validators.
var errAskAgain = errors.New("ask again without validators")

// get performs one logical GET (see getOnce); a 304 that cannot be trusted
// is a miss, and the page is asked for again, once, unconditionally.
func (a *API) get(ctx context.Context, l *listing, op string, u *url.URL, header http.Header) ([]byte, error) {
	body, err := a.getOnce(ctx, l, op, u, header)
	if errors.Is(err, errAskAgain) {
		return a.getOnce(ctx, l, op, u, header)
	}
	return body, err
}

// notModified decides what a 304 to u means. It confirms the copy's page
// only when the request sent that page's validators (sent) and the 304
// names the same version, if it names one: by its ETag when it has one,
// else by its Last-Modified (RFC 9111 §4.3.4). A 304 naming another
// version speaks of another response than the copy, and a 304 to a request
// that sent no validator confirms nothing. Either is a miss, asked for
// again without validators (errAskAgain); a 304 to that request too is an
// error.
func (s *fetchSession) notModified(u string, sent snapshot.Page, conditional bool, h http.Header) error {
	if conditional && confirms(sent, h) {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.unconditional[u] {
		return fmt.Errorf("the vendor answered 304 Not Modified to a request without If-None-Match or If-Modified-Since, twice: " +
			"there is no copy it could confirm")
	}
	if s.unconditional == nil {
		s.unconditional = map[string]bool{}
	}
	s.unconditional[u] = true
	return errAskAgain
}

// confirms reports whether a 304's headers h name the version of sent.
func confirms(sent snapshot.Page, h http.Header) bool {
	if etag := strings.TrimSpace(h.Get("ETag")); etag != "" {
		// Weak comparison, as for If-None-Match (RFC 9110 §13.1.2).
		return sent.ETag != "" && strings.TrimPrefix(etag, "W/") == strings.TrimPrefix(sent.ETag, "W/")
	}
	if lm := strings.TrimSpace(h.Get("Last-Modified")); lm != "" && sent.LastModified != "" {
		return lm == sent.LastModified
	}
	return true
}
