package snapshot

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// writerEnv makes the test binary a second process writing the same folder.
const writerEnv = "SNAPSHOT_TEST_WRITER_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(writerEnv); dir != "" {
		os.Exit(writeAndRead(dir, "process"))
	}
	os.Exit(m.Run())
}

// writeAndRead writes and reads the same few keys many times; any error or
// any read of a key that is neither absent nor whole fails it.
func writeAndRead(dir, who string) int {
	s, err := Open(dir, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for i := range 200 {
		k := keyFor(fmt.Sprintf("read %d", i%4), secret)
		if err := s.Put(entryFor(k, fmt.Sprintf(`{"by":%q,"n":%d,"pad":%q}`, who, i, strings.Repeat("p", 5000)))); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if _, _, ignored := s.Get(keyFor(fmt.Sprintf("read %d", (i+1)%4), secret)); ignored != nil {
			fmt.Fprintln(os.Stderr, ignored)
			return 1
		}
	}
	return 0
}

func TestProcessesAndGoroutinesSharingAFolderLeaveValidEntries(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "cache")
	if _, err := Open(dir, 0); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	other := exec.Command(exe, "-test.run=^$")
	other.Env = append(os.Environ(), writerEnv+"="+dir)
	out := &strings.Builder{}
	other.Stdout, other.Stderr = out, out
	if err := other.Start(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	failures := make(chan int, 4)
	for g := range 4 {
		wg.Go(func() { failures <- writeAndRead(dir, fmt.Sprintf("goroutine %d", g)) })
	}
	wg.Wait()
	close(failures)
	for rc := range failures {
		if rc != 0 {
			t.Error("a goroutine failed")
		}
	}
	if err := other.Wait(); err != nil {
		t.Errorf("the other process: %v\n%s", err, out)
	}
	s, _ := Open(dir, 0)
	for i := range 4 {
		if _, ok, ignored := s.Get(keyFor(fmt.Sprintf("read %d", i), secret)); !ok || ignored != nil {
			t.Errorf("read %d: ok %v, ignored %v", i, ok, ignored)
		}
	}
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		if strings.HasPrefix(f.Name(), ".tmp-") {
			t.Errorf("a temporary file was left: %s", f.Name())
		}
	}
}
