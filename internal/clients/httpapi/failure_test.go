package httpapi

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestFailureOfSaysWhatAReadsErrorMeans(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want Failure
	}{
		{"a 401 is a rejected key", &APIError{StatusCode: 401}, KeyRejected},
		{"a 403 is a rejected key", &APIError{StatusCode: 403}, KeyRejected},
		{"a 404 is not found", &APIError{StatusCode: 404}, NotFound},
		{"a wrapped 404 is not found", fmt.Errorf("tariff 7: %w", &APIError{StatusCode: 404}), NotFound},
		{"a 500 is another failure", &APIError{StatusCode: 500}, FailedOther},
		{"a listing that does not add up is incomplete", fmt.Errorf("page 3: %w", &PaginationError{Reason: "short"}), Incomplete},
		{"an offline read without a copy has no cached copy", &OfflineMissError{Vendor: "v"}, NoCachedCopy},
		{"a body that is not JSON is another failure", &ResponseError{Err: errors.New("not JSON")}, FailedOther},
		{"a cancelled read is another failure", context.Canceled, FailedOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := FailureOf(tt.err); got != tt.want {
				t.Errorf("FailureOf(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}
