package fleet

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients/httpapi/ownfolder"
)

// How often a waiter tries a lock another process holds: an entry's lock
// is held for a whole read, a bucket's for microseconds.
const (
	entryPoll  = 25 * time.Millisecond
	bucketPoll = time.Millisecond
)

// errLockFile is a lock file that cannot be trusted.
var errLockFile = errors.New("fleet: lock file not usable")

// lock takes the exclusive lock of stem's lock file, waiting while another
// process holds it until ctx is done. The file is opened without following
// a symlink and must be a regular file of this user's, closed to others'
// writes; otherwise the lock is not taken (errLockFile).
func (d *Dir) lock(ctx context.Context, stem string, poll time.Duration) (unlock func(), waited bool, err error) {
	path := filepath.Join(d.path, stem+".lock")
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR|ownfolder.NoFollow), flock.SetPermissions(0o600))
	ok, err := fl.TryLock()
	if err == nil && !ok {
		waited = true
		if d.OnWait != nil {
			d.OnWait()
		}
		ok, err = fl.TryLockContext(ctx, poll)
	}
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, waited, ctxErr
		}
		d.warn("fleet: the lock file %s is not used: %s", path, ownfolder.OpenError(path, err))
		return nil, waited, fmt.Errorf("%w: %s", errLockFile, path)
	}
	if !ok {
		return nil, waited, ctx.Err()
	}
	info, err := fl.Stat()
	if err == nil {
		err = ownfolder.CheckFile(info)
	}
	if err != nil {
		_ = fl.Unlock()
		d.warn("fleet: the lock file %s is not used: it is %s", path, err)
		return nil, waited, fmt.Errorf("%w: %s", errLockFile, path)
	}
	// A lock in use is never idle, whatever trim sees.
	now := time.Now()
	_ = os.Chtimes(path, now, now)
	return func() { _ = fl.Unlock() }, waited, nil
}
