package httpapi

import (
	"errors"
	"net/http"
)

// Failure is what a failed read means to the one who asked for it,
// whatever error below it says so: the one question a data source asks of
// a read's error. The error itself still says what happened, and where.
type Failure int

const (
	// FailedOther is every failure the user can do nothing particular
	// about: the error's text says what happened.
	FailedOther Failure = iota
	// KeyRejected is a 401 or 403: the vendor refused the key.
	KeyRejected
	// NotFound is a 404: what was asked for is not there.
	NotFound
	// Incomplete is a listing that does not add up (paging, totals,
	// repeated items), which is never returned in part.
	Incomplete
	// NoCachedCopy is an offline read the cache holds no copy of.
	NoCachedCopy
)

// FailureOf is what err, a read's error, means.
func FailureOf(err error) Failure {
	var apiErr *APIError
	switch {
	case errors.As(err, new(*OfflineMissError)):
		return NoCachedCopy
	case errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusUnauthorized || apiErr.StatusCode == http.StatusForbidden):
		return KeyRejected
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound:
		return NotFound
	case errors.As(err, new(*PaginationError)):
		return Incomplete
	}
	return FailedOther
}
