package acctest

import (
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest/s3server"
)

// S3Server is a running scripts/s3-server.sh.
type S3Server = s3server.Server

// StartS3 starts the real S3-compatible server of scripts/s3-server.sh on a
// fresh folder for t, and stops it with SIGTERM when t ends.
func StartS3(t testing.TB) *S3Server {
	t.Helper()
	return s3server.Start(t)
}
