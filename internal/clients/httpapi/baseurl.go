package httpapi

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// ParseBaseURL checks a vendor base URL: https anywhere, http only on a
// loopback host, where the sandbox and test servers live. Credentials would
// otherwise cross the network in clear text.
//
// Its errors show the URL through redactRawURL: a base URL may carry a
// secret in its user information, query or fragment, and a diagnostic must
// not print it.
func ParseBaseURL(raw string) (*url.URL, error) {
	shown := redactRawURL(raw)
	if strings.TrimSpace(raw) == "" {
		return nil, errors.New("base URL is empty")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("base URL %q is not a valid URL", shown)
	}
	switch {
	case u.User != nil:
		return nil, fmt.Errorf("base URL %q must not contain user information; use api_key", shown)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return nil, fmt.Errorf("base URL %q must not have a query or fragment", shown)
	case u.Scheme != "https" && u.Scheme != "http":
		return nil, fmt.Errorf("base URL %q must use https:// (or http:// on a loopback host)", shown)
	case u.Host == "" || u.Hostname() == "":
		return nil, fmt.Errorf("base URL %q has no host", shown)
	}
	if err := checkPort(u.Port()); err != nil {
		return nil, fmt.Errorf("base URL %q: %w", shown, err)
	}
	if u.Scheme == "http" && !isLoopbackHost(u.Hostname()) {
		return nil, fmt.Errorf("base URL %q uses http:// on a non-loopback host; use https:// (http:// is allowed only for 127.0.0.0/8, ::1 and localhost)", shown)
	}
	return u, nil
}

// checkPort accepts an empty port (the scheme's) or 1..65535.
func checkPort(port string) error {
	if port == "" {
		return nil
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		return fmt.Errorf("port %s is not between 1 and 65535", port)
	}
	return nil
}

// redactRawURL shows a URL, parsed or not, without what may be secret: the
// user information becomes "***@", and a query or fragment "?***" or "#***".
func redactRawURL(raw string) string {
	s := raw
	fragment := ""
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s, fragment = s[:i], "#"+redacted
	}
	query := ""
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s, query = s[:i], "?"+redacted
	}
	if scheme, rest, ok := strings.Cut(s, "//"); ok {
		authority, path := rest, ""
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			authority, path = rest[:i], rest[i:]
		}
		if i := strings.LastIndexByte(authority, '@'); i >= 0 {
			authority = redacted + "@" + authority[i+1:]
		}
		s = scheme + "//" + authority + path
	}
	return s + query + fragment
}

// isLoopbackHost reports whether host is localhost or a loopback address.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// SameOrigin reports whether u has the scheme, host and port of base.
func SameOrigin(base, u *url.URL) bool {
	return strings.EqualFold(base.Scheme, u.Scheme) &&
		strings.EqualFold(base.Hostname(), u.Hostname()) &&
		effectivePort(base) == effectivePort(u)
}

func effectivePort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "https") {
		return "443"
	}
	return "80"
}

// RedactURL drops user information so that it never reaches a log line.
// The query stays: it is the provider's own (page, limit, filters) on every
// URL it builds, and a vendor's link that carried a secret in it is
// scrubbed with the other vendor text where it becomes a diagnostic.
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	return c.String()
}
