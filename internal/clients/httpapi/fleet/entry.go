package fleet

import "context"

// entryKind names entry lock files.
const entryKind = "entry"

// LockEntry takes the lock of one cache entry, named by parts (vendor,
// base URL, read, scope, credential: never written, only hashed): the
// process holding it reads the vendor and stores the entry, the others
// wait here until it is done (or fails), then look again. waited tells
// that another process held it. ctx bounds the wait and ends it on
// Ctrl-C. An error other than ctx's means no lock can be had (a file
// that cannot be trusted, a folder without locks): the caller reads alone.
func (d *Dir) LockEntry(ctx context.Context, parts ...string) (unlock func(), waited bool, err error) {
	return d.lock(ctx, d.name(entryKind, parts...), entryPoll)
}
