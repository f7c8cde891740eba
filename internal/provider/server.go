package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/pricingkit/terraform-provider-pricing/internal/clients"
	"github.com/pricingkit/terraform-provider-pricing/internal/provider/listread"
	"github.com/pricingkit/terraform-provider-pricing/internal/vendors"
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
	return newProtocol6Server(version, vendors.All)
}

// newProtocol6Server is NewProtocol6Server for a given vendor registry;
// tests use it to serve a vendor the registry does not list.
func newProtocol6Server(version string, vendors []*clients.Vendor) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		p := newProvider(version, vendors)
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

// Every text that leaves the provider for Terraform passes through here: a
// vendor may echo a key back in any field of any body, header or link, and
// wherever the provider quotes it, the diagnostic is scrubbed on its way
// out, its control characters quoted and its length bounded (sanitize).
// Log lines written while serving a request are masked through the context
// the same way.

func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	ctx = s.maskLogs(ctx)
	resp, err := s.readDataSource(ctx, req)
	if resp != nil {
		s.scrub(resp.Diagnostics)
	}
	return resp, err
}

func (s *server) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	resp, err := s.ProviderServer.ConfigureProvider(ctx, req)
	if resp != nil {
		s.scrub(resp.Diagnostics)
	}
	return resp, err
}

func (s *server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	ctx = s.maskLogs(ctx)
	resp, err := s.ProviderServer.CallFunction(ctx, req)
	if resp != nil && resp.Error != nil {
		resp.Error.Text = sanitize(s.provider.secrets.Scrub(resp.Error.Text))
	}
	return resp, err
}

func (s *server) scrub(diags []*tfprotov6.Diagnostic) {
	for _, d := range diags {
		d.Summary = sanitize(s.provider.secrets.Scrub(d.Summary))
		d.Detail = sanitize(s.provider.secrets.Scrub(d.Detail))
	}
}

// maskLogs masks the secrets and the control characters of every log line
// written while serving a request (see sanitize).
func (s *server) maskLogs(ctx context.Context) context.Context {
	ctx = s.provider.secrets.MaskLogs(ctx)
	ctx = tflog.MaskAllFieldValuesRegexes(ctx, controlCharacters)
	return tflog.MaskMessageRegexes(ctx, controlCharacters)
}
