package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread"
)

// NewProtocol6Server returns the factory of the provider's protocol server,
// for tf6server.Serve and for acceptance tests. Each server gets its own
// provider, so servers running side by side never share a configuration.
//
// The server is the plugin framework's, except for reading list data
// sources (listread.DataSource): after the data source's own Read
// the framework walks and re-encodes the whole state several times, which
// for 10,000 plans costs seconds and over a gigabyte of allocations, so the
// server reads those data sources itself and writes their state straight to
// the wire. Everything else (schemas, validation, configuration, the other
// data sources, functions) is the framework's.
func NewProtocol6Server(version string) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		p := newProvider(version, clients.Vendors)
		framework, err := providerserver.NewProtocol6WithError(p)()
		if err != nil {
			return nil, err
		}
		ctx := context.Background()
		var meta provider.MetadataResponse
		p.Metadata(ctx, provider.MetadataRequest{}, &meta)
		return &server{ProviderServer: framework, provider: p, lists: listread.New(ctx, meta.TypeName, p.DataSources(ctx))}, nil
	}
}

type server struct {
	tfprotov6.ProviderServer

	provider *PricingProvider
	lists    *listread.Lists
}

func (s *server) readDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	if !s.lists.Serves(req.TypeName) {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	var providerData any
	if data := s.provider.configured.Load(); data != nil {
		providerData = data
	}
	return s.lists.Read(ctx, providerData, req), nil
}
