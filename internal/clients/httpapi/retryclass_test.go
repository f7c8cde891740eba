package httpapi

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// rawServer answers every request on a loopback listener with response,
// written byte for byte, so it can send what net/http's server never would.
func rawServer(t *testing.T, response string) (url string, calls *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	calls = &atomic.Int32{}
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				if _, err := http.ReadRequest(bufio.NewReader(conn)); err != nil {
					return
				}
				calls.Add(1)
				_, _ = conn.Write([]byte(response))
			}()
		}
	}()
	return "http://" + ln.Addr().String(), calls
}

func TestAResponseWithAMalformedHeaderIsTriedOnce(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, response string }{
		{"an ETag holding a DEL byte", "HTTP/1.1 200 OK\r\nETag: \"v\x7f1\"\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"},
		{"a header line without a colon", "HTTP/1.1 200 OK\r\nContent-Type application/json\r\nContent-Length: 2\r\n\r\n{}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			base, calls := rawServer(t, tt.response)
			a, err := New(Config{BaseURL: base + "/vendor", APIKey: testKey, MaxRetries: 3}, Spec{Name: "vendor"})
			if err != nil {
				t.Fatal(err)
			}
			_, err = listPlans(context.Background(), a, nil)
			if err == nil || !strings.Contains(err.Error(), "malformed") {
				t.Fatalf("err = %v, want the malformed header named", err)
			}
			if got := calls.Load(); got != 1 {
				t.Errorf("tried %d times, want once: a malformed header does not heal on a retry", got)
			}
		})
	}
}
