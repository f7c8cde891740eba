package httpapi

import (
	"context"
	"runtime"
	"strings"
	"testing"
)

func TestNumberBoundsAcceptPricesAndRefuseTheAbsurd(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		ok   bool
	}{
		{"0", true}, {"-0.0", true}, {"49.99", true}, {"49990000000", true}, {"1e-9", true}, {"0.1e1", true},
		{"0e0", true}, {"-12.5E+3", true}, {"999999999999999999999999999999", true /* 30 nines: below 10^30 */}, {"1000000000000000000000000000000", false /* 10^30 */},
		{"99999999999999999999999999999", true /* 29 */}, {"1e29", true}, {"1e30", false}, {"1E+30", false},
		{"1e-30", true}, {"1e-31", false}, {"0.0000000000000000000000000000001", false},
		{"1234567890123456789.0123456789012345678912", false /* 41 significant digits */},
		{"123456789012345678901.2345678901234567890", true /* 40 */},
		{"1e10000000", false}, {"1e3000000000", false}, {"1e-1000000000", false}, {"0e3000000000", false},
		{"1e", false}, {"-", false}, {"1.2.3", false}, {"abc", false},
	}
	for _, tt := range tests {
		err := CheckNumberText(tt.text)
		if (err == nil) != tt.ok {
			t.Errorf("CheckNumberText(%q) = %v, want accepted %v", tt.text, err, tt.ok)
		}
	}
}

// Not parallel: the allocation figures are the whole process's.
func TestAHugeNumberIsRefusedAtOnceWithAShortMessage(t *testing.T) {
	huge := "1" + strings.Repeat("0", 5_000_000)
	body := []byte(`{"data":[{"id":"a","price":` + huge + `}]}`)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	err := checkBody(context.Background(), body, nil)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "field data[0].price") {
		t.Fatalf("err = %v, want the field named", err)
	}
	if len(err.Error()) > 300 {
		t.Errorf("the error is %d characters long; it must not quote the number", len(err.Error()))
	}
	// A linear scan reads the number's text at most once more; converting or
	// formatting its 5 million digits would allocate far more, far more often.
	if n, bytes := after.Mallocs-before.Mallocs, after.TotalAlloc-before.TotalAlloc; n > 200 || bytes > 2*uint64(len(body)) {
		t.Errorf("checking the body made %d allocations of %d bytes, want at most 200 and %d bytes (twice the body)", n, bytes, 2*len(body))
	}
}

func TestBodyScannerNamesTheFieldByItsPath(t *testing.T) {
	t.Parallel()
	tests := []struct{ body, want string }{
		{`{"a":1,"b":{"c":[1,2,1e99]}}`, "field b.c[2]"},
		{`[{"x":"s"},{"x":1e99}]`, "field [1].x"},
		{`{"k\"ey":1e99}`, `field k\"ey`},
		{`1e99`, "field (the whole body)"},
		{`{"a":"1e99 in a string is text","b":[]}`, ""},
	}
	for _, tt := range tests {
		err := check(tt.body, nil)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("checkBody(%s) = %v, want it accepted", tt.body, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("checkBody(%s) = %v, want %q", tt.body, err, tt.want)
		}
	}
}
