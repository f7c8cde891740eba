package httpapi

import (
	"fmt"
	"net/http"
	"regexp"
)

// loginPath matches the sign-in pages web frameworks send an
// unauthenticated request to (Laravel's /login, and the like).
var loginPath = regexp.MustCompile(`(?i)(^|/)(login|signin|sign-in|sign_in)(/|\.[a-z]+)?$`)

// loginRedirect is the path a redirect response sends to, when it is a
// sign-in page: Laravel answers so an unauthenticated request that does not
// ask for JSON. Such a redirect is never followed (the credential stays
// here) and reads as an authentication failure, not a transport error.
func loginRedirect(resp *http.Response) (string, bool) {
	if resp == nil || resp.StatusCode < 300 || resp.StatusCode > 399 {
		return "", false
	}
	loc, err := resp.Location()
	if err != nil || !loginPath.MatchString(loc.Path) {
		return "", false
	}
	return loc.Path, true
}

// loginRedirectMessage is the message of an authentication failure read
// from a redirect to a sign-in page.
func loginRedirectMessage(resp *http.Response, path string) Message {
	return Message{Message: fmt.Sprintf("the API redirected (HTTP %d) to its login page %q instead of answering: "+
		"it did not accept the request's credentials", resp.StatusCode, ShortText(path, 64))}
}
