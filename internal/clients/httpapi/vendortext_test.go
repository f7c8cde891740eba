package httpapi

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAnAPIErrorShowsABoundedPartOfAHugeErrorBody(t *testing.T) {
	t.Parallel()
	fields := make([]FieldError, 20_000)
	for i := range fields {
		fields[i] = FieldError{Field: strings.Repeat("f", 1000), Message: strings.Repeat("m", 1000)}
	}
	err := &APIError{Vendor: "vendor", Operation: "list plans page 1", StatusCode: 500,
		Message: strings.Repeat("é", 1<<20), Code: strings.Repeat("c", 1<<20), Fields: fields}
	got := err.Error()
	// The documented bound: a message, a code, MaxVendorFieldErrors fields
	// of a name and a message each, and the framing.
	bound := MaxVendorMessageBytes + MaxVendorNameBytes + MaxVendorFieldErrors*(MaxVendorNameBytes+MaxVendorMessageBytes+16) + 200
	if len(got) > bound {
		t.Errorf("the error is %d bytes, want at most %d", len(got), bound)
	}
	if !utf8.ValidString(got) {
		t.Error("the cut error is not valid UTF-8")
	}
	if want := fmt.Sprintf("and %d more field errors", 20_000-MaxVendorFieldErrors); !strings.Contains(got, want) {
		t.Errorf("the error does not say %q", want)
	}
}

func TestVendorTextIsCutOnACharacterBoundary(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, in string
		max      int
		want     string
	}{
		{"a short text as it is", "plan_1", 8, "plan_1"},
		{"a long text cut with an ellipsis", "abcdefghij", 4, "abcd…"},
		{"a two-byte character never split", "aé", 2, "a…"},
	} {
		if got := VendorText(tt.in, tt.max); got != tt.want {
			t.Errorf("%s: VendorText(%q, %d) = %q, want %q", tt.name, tt.in, tt.max, got, tt.want)
		}
	}
}

func TestAListOfVendorIdsIsBounded(t *testing.T) {
	t.Parallel()
	ids := make([]string, 5000)
	for i := range ids {
		ids[i] = fmt.Sprintf("plan_%d", i)
	}
	got := VendorList(ids)
	if !strings.HasPrefix(got, "plan_0, plan_1") || !strings.HasSuffix(got, fmt.Sprintf("and %d more", 5000-MaxVendorListItems)) {
		t.Errorf("VendorList = %q", got)
	}
	if VendorList([]string{"a", "b"}) != "a, b" {
		t.Errorf("VendorList of two = %q", VendorList([]string{"a", "b"}))
	}
}

func TestAVendorsLinkInAnErrorIsBounded(t *testing.T) {
	t.Parallel()
	long := "https://api.example.test/plans?cursor=" + strings.Repeat("a", 1<<20)
	for _, err := range []error{
		&ResponseError{Vendor: "vendor", Operation: "list plans page 2", URL: long, Err: fmt.Errorf("boom")},
		&PaginationError{Vendor: "vendor", Operation: "list plans", Reason: "next link " + long + " repeats page 1"},
	} {
		if n := len(err.Error()); n > MaxVendorURLBytes+MaxVendorMessageBytes+200 {
			t.Errorf("%T is %d bytes, want at most about %d", err, n, MaxVendorURLBytes+MaxVendorMessageBytes)
		}
	}
}
