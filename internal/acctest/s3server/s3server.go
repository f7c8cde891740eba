// Package s3server starts the real S3-compatible server of
// scripts/s3-server.sh for a test and stops it when the test ends. It
// imports nothing of the provider, so the unit tests of the packages under
// it (the bucket store) can use it as well as the acceptance tests.
package s3server

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Bucket is the bucket the script creates.
const Bucket = "pricing-cache"

// Region is the region the server answers for.
const Region = "us-east-1"

// startBound bounds waiting for the first line: a cold build of the server
// takes minutes on a loaded 2-core machine. Not an assertion on a duration;
// it only keeps a broken script from hanging the suite.
const startBound = 20 * time.Minute

// Server is one running server.
type Server struct {
	Endpoint  string // http://127.0.0.1:PORT
	Bucket    string
	AccessKey string
	SecretKey string
	// DataDir is the folder holding the server's objects (one file per
	// object, under DataDir/<bucket>/...): a test can look for secrets in it.
	DataDir string
}

// Start runs scripts/s3-server.sh on a fresh folder, waits for its line and
// stops the server with SIGTERM when t ends.
func Start(t testing.TB) *Server {
	t.Helper()
	// TempDir first: cleanups run last-in first-out, so the server stops
	// before its folder is removed.
	s, stop, err := Launch(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// Launch runs scripts/s3-server.sh on dir and waits for its line; stop
// ends the server with SIGTERM and waits for it. For a program (make
// bench) that is not a test.
func Launch(dir string) (s *Server, stop func() error, err error) {
	root, err := ModuleRoot()
	if err != nil {
		return nil, nil, err
	}
	cmd := exec.Command(filepath.Join(root, "scripts", "s3-server.sh"), dir)
	cmd.Dir = root
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, fmt.Errorf("scripts/s3-server.sh: %w", err)
	}
	stop = func() error {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			return fmt.Errorf("scripts/s3-server.sh after SIGTERM: %w\n%s", err, stderr)
		}
		return nil
	}

	type result struct {
		line string
		err  error
	}
	first := make(chan result, 1)
	go func() {
		line, err := bufio.NewReader(stdout).ReadString('\n')
		first <- result{line, err}
	}()
	var r result
	select {
	case r = <-first:
	case <-time.After(startBound):
		r.err = fmt.Errorf("no line within %s", startBound)
	}
	if r.err == nil {
		s, r.err = parseLine(strings.TrimSpace(r.line))
	}
	if r.err != nil {
		_ = stop()
		return nil, nil, fmt.Errorf("scripts/s3-server.sh %s: %w\n%s", dir, r.err, stderr)
	}
	s.DataDir = filepath.Join(dir, "data")
	return s, stop, nil
}

// parseLine reads "endpoint=… bucket=… access_key=… secret_key=…".
func parseLine(line string) (*Server, error) {
	s := &Server{}
	fields := map[string]*string{"endpoint": &s.Endpoint, "bucket": &s.Bucket, "access_key": &s.AccessKey, "secret_key": &s.SecretKey}
	for _, word := range strings.Fields(line) {
		name, value, ok := strings.Cut(word, "=")
		if field := fields[name]; ok && field != nil {
			*field = value
		}
	}
	for name, field := range fields {
		if *field == "" {
			return nil, fmt.Errorf("its first line has no %s (%d bytes)", name, len(line)) // the line holds a secret
		}
	}
	return s, nil
}

// ModuleRoot is the directory holding this module's go.mod, found from the
// working directory up; acctest finds the module through it too.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// lockedBuffer collects the script's stderr, written by exec's goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
