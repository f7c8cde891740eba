// Package httpapi is the shared HTTP layer of the vendor clients. It knows
// no vendor: each client describes itself with a Spec and declares its
// reads; this package runs them. Its files, by concern:
//
//   - The API and its declared reads: api.go (New, Config, Spec),
//     read.go (Read, what the data sources run), numbered.go, linkwalk.go
//     and one.go (the three declarations), paginate.go, pagesize.go and
//     envelope.go (the paging and field checks every vendor gets).
//   - The transport, one http.RoundTripper of small wrappers and the retry
//     policy around it: transport.go (user agent, the key pinned to its
//     origin, logging, per-attempt timeout), fleetpace.go and throttle.go
//     (pacing, local and shared with the machine's other processes; 429s),
//     retry.go, baseurl.go, login_redirect.go, and the redaction of keys
//     in every error and log: redact.go, secretforms.go, bodykeys.go.
//   - The bounds of one read: listing.go (request slots, byte budget),
//     readbounds.go (the read's deadline), clock.go (time, injected in
//     tests), request.go (one GET, capped and
//     checked), bodycheck.go, bodynumber.go, decode.go (a body is checked
//     before it is decoded).
//   - The read cache: shared_listings.go (one fetch per key for every data
//     source of a run), cache.go, session.go, notmodified.go, entrylock.go
//     and cache_bucket.go (snapshots on disk or in a bucket, revalidation,
//     and the cross-process locks of a fleet; the on-disk formats are in
//     the snapshot and fleet subpackages), fetched.go (what a read tells
//     its caller about where its data came from).
//   - What a failure says: errors.go, errorbody.go, vendortext.go.
//
// They are one package, not three, because a read crosses them all: as
// packages, every list read would cross four more package lines.
package httpapi
