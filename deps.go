package main
import (
 _ "github.com/hashicorp/terraform-plugin-framework/provider"
 _ "github.com/hashicorp/terraform-plugin-framework/providerserver"
 _ "github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
 _ "github.com/hashicorp/terraform-plugin-testing/helper/resource"
 _ "github.com/hashicorp/terraform-plugin-log/tflog"
 _ "github.com/hashicorp/go-retryablehttp"
 _ "golang.org/x/time/rate"
 _ "golang.org/x/sync/singleflight"
 _ "golang.org/x/sync/errgroup"
 _ "github.com/shopspring/decimal"
)
func main(){}
