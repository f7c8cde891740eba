//go:build tools

// Package tools pins the versions of the command-line tools this repository
// runs (docs generator, linter, release builder) in its own module, so that
// their large dependency trees never leak into the provider's go.mod.
//
// Run them with, from the repository root:
//
//	go run -modfile=tools/go.mod github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs
//	go run -modfile=tools/go.mod github.com/golangci/golangci-lint/v2/cmd/golangci-lint
//	go build -C tools -o .cache/bin/goreleaser github.com/goreleaser/goreleaser/v2
//	go build -C tools -o .cache/bin/changie github.com/miniscruff/changie
package tools

import (
	_ "github.com/golangci/golangci-lint/v2/cmd/golangci-lint"
	_ "github.com/goreleaser/goreleaser/v2"
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
	_ "github.com/miniscruff/changie"
)
