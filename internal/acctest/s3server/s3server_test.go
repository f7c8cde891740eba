package s3server

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStartServesTheBucketAndLeavesItsDataInDataDir(t *testing.T) {
	s := Start(t)
	if s.Bucket != Bucket {
		t.Errorf("bucket %q, want %q", s.Bucket, Bucket)
	}
	if info, err := os.Stat(filepath.Join(s.DataDir, Bucket)); err != nil || !info.IsDir() {
		t.Errorf("the bucket's folder in %s: %v", s.DataDir, err)
	}
}

func TestParseLineNeedsEveryField(t *testing.T) {
	cases := []struct {
		name, line string
		ok         bool
	}{
		{"a whole line is read", "endpoint=http://127.0.0.1:1 bucket=b access_key=A secret_key=S", true},
		{"a line without the secret is refused", "endpoint=http://127.0.0.1:1 bucket=b access_key=A", false},
		{"an empty line is refused", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := parseLine(c.line)
			if (err == nil) != c.ok {
				t.Fatalf("parseLine(%q) = %v, %v", c.line, s, err)
			}
		})
	}
}
