package datasources_test

import (
	"context"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pricingkit/terraform-provider-pricing/internal/acctest"
	"github.com/pricingkit/terraform-provider-pricing/internal/sandbox"
)

// bucketFleet is the cached configuration planned by machines that each have
// their own home (hence cache folder) and share one bucket of the real
// server of scripts/s3-server.sh.
type bucketFleet struct {
	t   *testing.T
	sb  *acctest.Sandbox
	s3  *acctest.S3Server
	cli *acctest.CLI
}

func newBucketFleet(t *testing.T) *bucketFleet {
	t.Helper()
	sb := acctest.StartSandbox(t, sandbox.Options{})
	cli := acctest.NewCLI(t, sb.ProviderConfig("max_retries = 0", `cache = { max_age = "1h" }`)+cachedConfig)
	return &bucketFleet{t: t, sb: sb, s3: acctest.StartS3(t), cli: cli}
}

// machineEnv is a fresh machine's environment: its own home and cache
// folder, the bucket at endpoint, the server's keys in the AWS chain.
func (f *bucketFleet) machineEnv(endpoint string) []string {
	home := f.t.TempDir()
	none := filepath.Join(home, "no-aws-config")
	return []string{
		"HOME=" + home, "XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"AWS_ACCESS_KEY_ID=" + f.s3.AccessKey, "AWS_SECRET_ACCESS_KEY=" + f.s3.SecretKey,
		"AWS_CONFIG_FILE=" + none, "AWS_SHARED_CREDENTIALS_FILE=" + none, "AWS_PROFILE=", "AWS_REGION=",
		"AWS_EC2_METADATA_DISABLED=true",
		"PRICING_CACHE_S3_BUCKET=" + f.s3.Bucket, "PRICING_CACHE_S3_ENDPOINT=" + endpoint,
		"PRICING_CACHE_S3_USE_PATH_STYLE=true", "PRICING_CACHE_S3_PREFIX=fleet",
	}
}

// planAtOnce runs n plans at once, one per machine, and returns their
// outputs and the vendor requests they made together.
func (f *bucketFleet) planAtOnce(n int, env func() []string) ([]string, int) {
	f.t.Helper()
	f.sb.ResetCounts()
	envs := make([][]string, n)
	for i := range envs {
		envs[i] = env()
	}
	var wg sync.WaitGroup
	outs := make([]string, n)
	start := make(chan struct{})
	bound := acctest.CommandTimeout(f.t)
	for i := range n {
		wg.Go(func() {
			<-start
			ctx, cancel := context.WithTimeout(context.Background(), bound)
			defer cancel()
			cmd, out := f.cli.Command(ctx, envs[i], "plan", "-input=false", "-no-color", "-lock=false", "-refresh=false")
			if err := cmd.Run(); err != nil {
				f.t.Errorf("plan %d of %d: %v\n%s", i+1, n, err, out)
			}
			outs[i] = out.String()
		})
	}
	close(start)
	wg.Wait()
	requests := 0
	for _, v := range cachedVendors {
		requests += f.sb.Requests(v)
	}
	return outs, requests
}

func TestAccCacheFleetOfTenSharesOneBucket(t *testing.T) {
	f := newBucketFleet(t)
	// What one machine alone reads: each distinct listing once.
	_, alone := f.planAtOnce(1, func() []string { return f.machineEnv(f.s3.Endpoint)[:2] })
	if alone == 0 {
		t.Fatal("a plan alone made no vendor request")
	}

	outs, cold := f.planAtOnce(10, func() []string { return f.machineEnv(f.s3.Endpoint) })
	if cold != alone {
		t.Errorf("10 machines sharing a cold bucket made %d vendor requests, want %d (one read per distinct listing)", cold, alone)
	}
	for i, out := range outs {
		if strings.Contains(out, "Warning: Cache") {
			t.Errorf("plan %d warned:\n%s", i+1, out)
		}
		if readValues(t, out) != readValues(t, outs[0]) {
			t.Errorf("plan %d read other values or fetch times than plan 1", i+1)
		}
	}

	_, warm := f.planAtOnce(10, func() []string { return f.machineEnv(f.s3.Endpoint) })
	if warm != 0 {
		t.Errorf("10 new machines on a warm bucket made %d vendor requests, want 0", warm)
	}
	t.Logf("vendor requests: one machine alone %d, 10 machines on a cold bucket %d, 10 new machines on the warm bucket %d", alone, cold, warm)
	assertNoKeyInTheCache(t, f.s3.DataDir)
}

func TestAccCacheBucketUnreachableOrDeniedIsOneWarningAndThePlanSucceeds(t *testing.T) {
	f := newBucketFleet(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	const wrongSecret = "0123456789abcdef0123456789abcdefwrong000"
	cases := []struct {
		name, why string
		env       func() []string
	}{
		{"a bucket that cannot be reached", "cannot be reached", func() []string { return f.machineEnv(closed) }},
		{"a bucket that refuses the credentials", "refused access", func() []string {
			return append(f.machineEnv(f.s3.Endpoint), "AWS_SECRET_ACCESS_KEY="+wrongSecret)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			outs, requests := f.planAtOnce(1, c.env)
			if requests == 0 {
				t.Error("the plan made no vendor request")
			}
			if n := strings.Count(outs[0], "Warning: Cache bucket not used"); n != 1 || !strings.Contains(outs[0], c.why) {
				t.Errorf("%d bucket warnings, want one saying it %s:\n%s", n, c.why, outs[0])
			}
			if strings.Contains(outs[0], wrongSecret) || strings.Contains(outs[0], f.s3.SecretKey) {
				t.Errorf("the plan shows a secret key:\n%s", outs[0])
			}
		})
	}
}
