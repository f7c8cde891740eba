package httpapi

import (
	"net/url"
	"strings"
	"testing"
)

func TestNextLinkStaysOnTheListingsEndpoint(t *testing.T) {
	t.Parallel()
	a, err := New(Config{BaseURL: "http://127.0.0.1:8080/vendor", APIKey: testKey}, Spec{Name: "vendor"})
	if err != nil {
		t.Fatal(err)
	}
	endpoint := a.Endpoint("/plans", nil)
	for raw, want := range map[string]string{
		"http://127.0.0.1:8080/vendor/plans?page=2":  "",
		"http://127.0.0.1:8080/vendor/plans/?page=2": "",
		"/vendor/plans?page=2":                       "is not an absolute URL",
		"http://127.0.0.1:8081/vendor/plans?page=2":  "points outside the configured base URL (http://127.0.0.1:8080)",
		"http://127.0.0.1:8080/other/plans?page=2":   "points to another path than the listing's /vendor/plans",
	} {
		_, err := a.NextLink("list plans page 1", "next", raw, endpoint)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v, want it followed", raw, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "vendor: list plans page 1: next ")):
			t.Errorf("%s: %v, want it refused saying %q", raw, err, want)
		}
	}
}

func TestLinkWalkStopsALoopAndAnEndlessListing(t *testing.T) {
	t.Parallel()
	a, err := New(Config{BaseURL: "http://127.0.0.1:8080/vendor"}, Spec{Name: "vendor"})
	if err != nil {
		t.Fatal(err)
	}
	parse := func(raw string) *url.URL {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	w := a.newLinkWalk("pagination.next")
	if err := w.Check("list plans page 1", 1, 0, parse("http://127.0.0.1:8080/vendor/plans?a=1&b=2")); err != nil {
		t.Fatal(err)
	}
	// The same page with its query in another order.
	err = w.Check("list plans page 2", 2, 10, parse("http://127.0.0.1:8080/vendor/plans?b=2&a=1"))
	if err == nil || !strings.Contains(err.Error(), "repeats page 1; the pagination loops") {
		t.Errorf("err = %v, want the loop named", err)
	}
	err = a.newLinkWalk("next").Check("list plans page 1001", MaxListingPages+1, 0, parse("http://127.0.0.1:8080/vendor/plans?page=1001"))
	if err == nil || !strings.Contains(err.Error(), "still had a next link after 1000 pages") {
		t.Errorf("err = %v, want the page cap named", err)
	}
	err = a.newLinkWalk("next").Check("list plans page 3", 3, MaxListingItems+1, parse("http://127.0.0.1:8080/vendor/plans?page=3"))
	if err == nil || !strings.Contains(err.Error(), "passed 100000 items") {
		t.Errorf("err = %v, want the item cap named", err)
	}
}
