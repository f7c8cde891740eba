// Command terraform-provider-pricing is the provider's plugin binary: Terraform
// or OpenTofu starts it and speaks plugin protocol 6 to it.
package main

import (
	"flag"
	"fmt"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/pricingkit/terraform-provider-pricing/internal/provider"
)

// Generate the documentation from schema descriptions and examples/.
//go:generate go run -modfile=tools/go.mod github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs generate --provider-name pricing

// version and commit are set by the release build (.goreleaser.yml):
// -ldflags "-X main.version={{.Version}} -X main.commit={{.Commit}}".
var (
	version = "dev"
	commit  = "none"
)

func main() {
	var debug bool
	var printVersion bool
	flag.BoolVar(&debug, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.BoolVar(&printVersion, "version", false, "print the provider's version and commit, then exit")
	flag.Parse()

	if printVersion {
		fmt.Printf("terraform-provider-pricing %s (%s)\n", version, commit)
		return
	}

	server, err := provider.NewProtocol6Server(version)()
	if err != nil {
		log.Fatal(err.Error())
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	err = tf6server.Serve("registry.terraform.io/pricingkit/pricing", func() tfprotov6.ProviderServer { return server }, opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}
