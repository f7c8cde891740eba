package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// machine describes where the numbers were taken.
type machine struct {
	CPUs      int
	CPUModel  string
	Memory    string
	Kernel    string
	Go        string
	Terraform string
}

func describeMachine(_ context.Context, t tools) machine {
	m := machine{CPUs: runtime.NumCPU(), Go: t.goVersion, Terraform: t.terraformVersion, CPUModel: "unknown", Memory: "unknown", Kernel: runtime.GOOS + "/" + runtime.GOARCH}
	if v := procField("/proc/cpuinfo", "model name"); v != "" {
		m.CPUModel = v
	}
	if v := procField("/proc/meminfo", "MemTotal"); v != "" {
		if kib, err := strconv.ParseInt(strings.Fields(v)[0], 10, 64); err == nil {
			m.Memory = fmt.Sprintf("%.1f GiB", float64(kib)/(1<<20))
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = "Linux " + strings.TrimSpace(string(b)) + " " + runtime.GOARCH
	}
	return m
}

func (m machine) write(w func(string, ...any)) {
	w("Machine: %d CPUs (`nproc`), %s, %s memory, %s; %s; Terraform %s.\n\n", m.CPUs, m.CPUModel, m.Memory, m.Kernel, m.Go, m.Terraform)
}

// procField is the value of the first "name: value" line of a /proc file.
func procField(path, name string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == name {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
