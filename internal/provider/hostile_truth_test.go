package provider_test

import (
	"testing"
)

// A redirect to a login page is Laravel's answer to an unauthenticated
// request: it reads as a rejected key, and the login page is never asked
// for (the key stays home).
func TestAccHostileVendorRedirectToALoginPageIsARejectedKey(t *testing.T) {
	t.Parallel()
	runHostileCases(t, []hostileCase{
		{name: "reads a redirect to a login page as a rejected key", behaviour: "redirect-to-login", vendors: allVendors,
			want: []string{`(?i)rejected the API key`, `(?i)login page`}, maxRequests: 1},
	})
}
