package fleet

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The tests start this test binary again as child processes: the env var
// below switches a child into one of the roles of TestChildProcess.
const childRoleEnv = "FLEET_TEST_CHILD_ROLE"

// fixedNow is the instant every process reserves at, so that the turns
// handed out depend on the shared state alone, not on any clock.
var fixedNow = time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC)

var testLimits = []Limit{{PerSecond: 1, Burst: 5}}

// TestChildProcess is not a test of its own: it is the body of a child
// process when FLEET_TEST_CHILD_ROLE is set.
func TestChildProcess(t *testing.T) {
	role := os.Getenv(childRoleEnv)
	if role == "" {
		t.Skip("run as a child process by the tests in this file")
	}
	dir, err := Open(os.Getenv("FLEET_TEST_DIR"), nil)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	n, _ := strconv.Atoi(os.Getenv("FLEET_TEST_N"))
	switch role {
	case "reserve":
		b := dir.Bucket(testLimits, "vendor", "http://127.0.0.1:1", "the key")
		for range n {
			wait, err := b.Reserve(fixedNow)
			if err != nil {
				fmt.Println("error:", err)
				os.Exit(2)
			}
			fmt.Println("wait", wait.Milliseconds())
		}
	case "fetch":
		// One "read" of a listing: take the entry's lock, then fetch only
		// if no other process stored the entry meanwhile.
		unlock, _, err := dir.LockEntry(context.Background(), "vendor", "plans")
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		entry := filepath.Join(os.Getenv("FLEET_TEST_DIR"), "entry")
		if _, err := os.Stat(entry); err == nil {
			fmt.Println("served from the entry")
			unlock()
			return
		}
		if os.Getenv("FLEET_TEST_CRASH") != "" {
			fmt.Println("crashed while holding the lock")
			os.Exit(3) // the OS drops the lock with the process
		}
		f, _ := os.OpenFile(filepath.Join(os.Getenv("FLEET_TEST_DIR"), "fetches"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
		fmt.Fprintln(f, os.Getpid())
		f.Close()
		_ = os.WriteFile(entry, []byte("the listing"), 0o600)
		fmt.Println("fetched")
		unlock()
	}
}

// runChildren starts n child processes in role and returns their
// outputs once all have exited.
func runChildren(t *testing.T, dir string, n int, role string, env ...string) []string {
	t.Helper()
	cmds := make([]*exec.Cmd, n)
	outs := make([]*bytes.Buffer, n)
	for i := range n {
		cmd := exec.Command(os.Args[0], "-test.run=^TestChildProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), childRoleEnv+"="+role, "FLEET_TEST_DIR="+dir)
		cmd.Env = append(cmd.Env, env...)
		outs[i] = &bytes.Buffer{}
		cmd.Stdout, cmd.Stderr = outs[i], outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[i] = cmd
	}
	texts := make([]string, n)
	for i, cmd := range cmds {
		err := cmd.Wait()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		texts[i] = outs[i].String()
	}
	return texts
}

func TestProcessesSharingABucketAreGivenDistinctTurns(t *testing.T) {
	t.Parallel()
	const processes, each = 4, 5
	dir := t.TempDir()
	outs := runChildren(t, dir, processes, "reserve", "FLEET_TEST_N="+strconv.Itoa(each))
	var waits []int
	for _, out := range outs {
		sc := bufio.NewScanner(strings.NewReader(out))
		for sc.Scan() {
			if ms, ok := strings.CutPrefix(sc.Text(), "wait "); ok {
				n, _ := strconv.Atoi(ms)
				waits = append(waits, n)
			}
		}
		if strings.Contains(out, "error:") || strings.Contains(out, "FAIL") {
			t.Errorf("a child failed:\n%s", out)
		}
	}
	// A burst of 5 at once, then one a second: 20 requests of 4 processes
	// at one instant get turns 0 (5 times), 1 s, 2 s, ... 15 s, each once.
	want := []int{0, 0, 0, 0, 0}
	for s := 1; s <= processes*each-5; s++ {
		want = append(want, s*1000)
	}
	slices.Sort(waits)
	if !slices.Equal(waits, want) {
		t.Errorf("the processes were given the turns %v, want %v: every request its own turn under one shared limit", waits, want)
	}
}

func TestOneProcessFetchesAListingWhileTheOthersWaitForItsEntry(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	outs := runChildren(t, dir, 6, "fetch")
	fetches, _ := os.ReadFile(filepath.Join(dir, "fetches"))
	if n := strings.Count(string(fetches), "\n"); n != 1 {
		t.Errorf("%d processes fetched the listing, want 1; outputs:\n%s", n, strings.Join(outs, "\n"))
	}
	served := 0
	for _, out := range outs {
		served += strings.Count(out, "served from the entry")
	}
	if served != 5 {
		t.Errorf("%d processes were served the entry, want 5", served)
	}
}

func TestAProcessThatDiesHoldingTheEntryLockLeavesTheReadToTheNext(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	crashed := runChildren(t, dir, 1, "fetch", "FLEET_TEST_CRASH=1")
	if !strings.Contains(crashed[0], "crashed while holding the lock") {
		t.Fatalf("the first child did not crash as planned:\n%s", crashed[0])
	}
	outs := runChildren(t, dir, 1, "fetch")
	if !strings.Contains(outs[0], "fetched") {
		t.Errorf("the next process did not take the lock and read the listing itself:\n%s", outs[0])
	}
}
