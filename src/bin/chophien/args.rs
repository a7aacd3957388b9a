//! The command-line grammar. Help texts are not written here: they come from
//! `locales/<lang>/cli.ftl` (see `help.rs`), keyed by command path and argument name.

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "chophien",
    version,
    disable_help_subcommand = true,
    disable_help_flag = true,
    disable_version_flag = true
)]
pub(crate) struct Cli {
    #[arg(short, long, global = true, action = ArgAction::Help, display_order = 900)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version, display_order = 901)]
    version: Option<bool>,
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = "CHOPHIEN_DB",
        display_order = 902
    )]
    pub(crate) db: Option<PathBuf>,
    #[arg(long, global = true, value_name = "vi|en", display_order = 903)]
    pub(crate) lang: Option<String>,
    #[arg(long, global = true, display_order = 904)]
    pub(crate) json: bool,
    #[command(subcommand)]
    pub(crate) command: TopCommand,
}

// Parsed once per process: the size of the enum does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Init,
    Demo {
        #[arg(long, value_name = "N")]
        synthetic: Option<usize>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    #[command(subcommand)]
    Coop(CoopCommand),
    #[command(subcommand)]
    Product(ProductCommand),
    #[command(subcommand)]
    Variant(VariantCommand),
    #[command(subcommand)]
    Cert(CertCommand),
    #[command(subcommand)]
    Photo(PhotoCommand),
    #[command(subcommand)]
    Listing(ListingCommand),
    #[command(subcommand)]
    Proof(ProofCommand),
    Script(ScriptArgs),
    #[command(subcommand)]
    Shop(ShopCommand),
    #[command(subcommand)]
    Sandbox(SandboxCommand),
    Publish {
        #[arg(id = "products", num_args = 0..)]
        products: Vec<String>,
        #[arg(long = "shop", id = "shop_ref")]
        shop: String,
        #[arg(long)]
        all_ready: bool,
    },
    Unpublish {
        #[arg(id = "products", num_args = 1..)]
        products: Vec<String>,
        #[arg(long = "shop", id = "shop_ref")]
        shop: String,
    },
    Sync(SyncArgs),
    Search {
        #[arg(value_name = "QUERY", id = "query")]
        query: String,
        #[command(flatten)]
        filters: FilterArgs,
        #[arg(long, default_value_t = 20)]
        limit: u64,
    },
    Import {
        #[arg(value_name = "FILE", id = "file")]
        file: PathBuf,
        #[arg(long = "coop", value_name = "COOP", id = "coop_ref")]
        coop: Option<String>,
        #[arg(long)]
        dry_run: bool,
    },
    Export {
        #[arg(long)]
        platform: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
    },
    #[command(subcommand)]
    Bundle(BundleCommand),
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long)]
        auto: bool,
        #[arg(long, default_value_t = 7)]
        keep: usize,
    },
}

/// The top level: the commands that work on an open catalog, and `restore`, which
/// replaces the catalog file and so runs before any catalog is opened.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub(crate) enum TopCommand {
    #[command(flatten)]
    Catalog(Command),
    Restore {
        #[arg(value_name = "FILE", id = "backup_file")]
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum BundleCommand {
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long = "coop", value_name = "COOP", id = "coop_ref")]
        coops: Vec<String>,
        #[arg(long = "product", value_name = "PRODUCT", id = "product_ref")]
        products: Vec<String>,
    },
    Import {
        #[arg(value_name = "FILE", id = "bundle_file")]
        file: PathBuf,
    },
    Conflicts,
    Resolve {
        #[arg(value_name = "ID", id = "conflict")]
        conflict: String,
        #[arg(long, value_parser = ["local", "incoming"])]
        keep: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum CoopCommand {
    Add(CoopFields),
    List {
        #[arg(long)]
        deleted: bool,
    },
    Show {
        #[arg(id = "reference")]
        reference: String,
    },
    Edit {
        #[arg(id = "reference")]
        reference: String,
        #[command(flatten)]
        fields: CoopFields,
    },
    Delete {
        #[arg(id = "reference")]
        reference: String,
    },
    Restore {
        #[arg(id = "reference")]
        reference: String,
    },
}

/// Cooperative fields; on `edit`, only those given change, and an empty value clears.
#[derive(Debug, Args)]
pub(crate) struct CoopFields {
    #[arg(long)]
    pub(crate) name: Option<String>,
    #[arg(long = "type", id = "type")]
    pub(crate) producer_type: Option<String>,
    #[arg(long)]
    pub(crate) registration_no: Option<String>,
    #[arg(long)]
    pub(crate) address: Option<String>,
    #[arg(long)]
    pub(crate) province: Option<String>,
    #[arg(long)]
    pub(crate) commune: Option<String>,
    #[arg(long)]
    pub(crate) phone: Option<String>,
}

#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub(crate) enum ProductCommand {
    Add {
        #[command(flatten)]
        fields: ProductFields,
        #[command(flatten)]
        variant: VariantFields,
    },
    Edit {
        #[arg(id = "product")]
        product: String,
        #[command(flatten)]
        fields: ProductFields,
    },
    Show {
        #[arg(id = "product")]
        product: String,
    },
    List {
        #[command(flatten)]
        filters: FilterArgs,
        #[arg(long, default_value_t = 1)]
        page: u64,
        #[arg(long, default_value_t = 50)]
        per_page: u64,
        #[arg(long, value_parser = ["name", "updated", "created", "price", "price-desc", "stars"])]
        sort: Option<String>,
        #[arg(long)]
        deleted: bool,
    },
    Delete {
        #[arg(id = "product")]
        product: String,
    },
    Restore {
        #[arg(id = "product")]
        product: String,
    },
}

/// Product fields; on `edit`, only those given change, and an empty value clears.
#[derive(Debug, Args)]
pub(crate) struct ProductFields {
    #[arg(long = "coop", value_name = "COOP", id = "coop_ref")]
    pub(crate) coop: Option<String>,
    #[arg(long)]
    pub(crate) name: Option<String>,
    #[arg(long)]
    pub(crate) subgroup: Option<String>,
    #[arg(long)]
    pub(crate) story: Option<String>,
    #[arg(long)]
    pub(crate) ingredients: Option<String>,
    #[arg(long)]
    pub(crate) usage: Option<String>,
    #[arg(long)]
    pub(crate) storage: Option<String>,
    #[arg(long)]
    pub(crate) shelf_life: Option<String>,
    #[arg(long)]
    pub(crate) quantity: Option<String>,
    #[arg(long)]
    pub(crate) origin: Option<String>,
    #[arg(long, value_name = "GRAM")]
    pub(crate) weight: Option<String>,
    #[arg(long, value_name = "LxWxH")]
    pub(crate) size: Option<String>,
    #[arg(long)]
    pub(crate) barcode: Option<String>,
}

/// An optional first variant given with `product add`.
#[derive(Debug, Args)]
pub(crate) struct VariantFields {
    #[arg(long)]
    pub(crate) sku: Option<String>,
    #[arg(long)]
    pub(crate) price: Option<String>,
    #[arg(long)]
    pub(crate) stock: Option<i64>,
    #[arg(long)]
    pub(crate) variant_name: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct FilterArgs {
    #[arg(long)]
    pub(crate) stars: Option<i64>,
    #[arg(long)]
    pub(crate) sector: Option<String>,
    #[arg(long)]
    pub(crate) province: Option<String>,
    #[arg(long = "coop", value_name = "COOP", id = "coop_ref")]
    pub(crate) coop: Option<String>,
    #[arg(long, conflicts_with = "expired")]
    pub(crate) expiring: bool,
    #[arg(long)]
    pub(crate) expired: bool,
    #[arg(long, value_name = "PLATFORM", conflicts_with = "blocked")]
    pub(crate) ready: Option<String>,
    #[arg(long, value_name = "PLATFORM")]
    pub(crate) blocked: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum VariantCommand {
    Add {
        #[arg(id = "product")]
        product: String,
        #[arg(long)]
        sku: String,
        #[arg(long)]
        price: String,
        #[arg(long, default_value_t = 0)]
        stock: i64,
        #[arg(long = "name", id = "variant_name")]
        name: Option<String>,
    },
    Edit {
        #[arg(id = "product")]
        product: String,
        #[arg(id = "sku_arg", value_name = "SKU")]
        sku: String,
        #[arg(long)]
        new_sku: Option<String>,
        #[arg(long)]
        price: Option<String>,
        #[arg(long)]
        stock: Option<i64>,
        #[arg(long = "name", id = "variant_name")]
        name: Option<String>,
    },
    Delete {
        #[arg(id = "product")]
        product: String,
        #[arg(id = "sku_arg", value_name = "SKU")]
        sku: String,
    },
    Restore {
        #[arg(id = "product")]
        product: String,
        #[arg(id = "sku_arg", value_name = "SKU")]
        sku: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum CertCommand {
    Add {
        #[arg(id = "product")]
        product: String,
        #[arg(long)]
        stars: i64,
        #[arg(long, value_name = "DD/MM/YYYY")]
        from: String,
        #[arg(long, value_name = "DD/MM/YYYY")]
        until: Option<String>,
        #[arg(long)]
        certificate_no: Option<String>,
        #[arg(long)]
        decision_no: Option<String>,
        #[arg(long, value_name = "DD/MM/YYYY")]
        decision_date: Option<String>,
        #[arg(long)]
        authority: Option<String>,
    },
    Delete {
        #[arg(id = "certificate")]
        certificate: String,
    },
    Restore {
        #[arg(id = "certificate")]
        certificate: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum PhotoCommand {
    Add {
        #[arg(id = "product")]
        product: String,
        #[arg(id = "files", value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    List {
        #[arg(id = "product")]
        product: String,
    },
    Remove {
        #[arg(id = "photo")]
        photo: String,
    },
    Restore {
        #[arg(id = "photo")]
        photo: String,
    },
    Cover {
        #[arg(id = "photo")]
        photo: String,
    },
    Fit {
        #[arg(id = "photo")]
        photo: String,
        #[arg(id = "fit_arg", value_name = "pad|crop", value_parser = ["pad", "crop"])]
        fit: String,
    },
    Export {
        #[arg(id = "product")]
        product: String,
        #[arg(long)]
        platform: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum ListingCommand {
    Check {
        #[arg(id = "product")]
        product: String,
        #[arg(long)]
        platform: Option<String>,
    },
    Show {
        #[arg(id = "product")]
        product: String,
        #[arg(long)]
        platform: String,
    },
    Set {
        #[arg(id = "product")]
        product: String,
        #[arg(long)]
        platform: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long)]
        category: Option<String>,
        #[arg(long = "attr", value_name = "NAME=VALUE")]
        attributes: Vec<String>,
        /// Fields to give back to the product's suggestion: title, description, category.
        #[arg(long = "inherit", value_name = "FIELD", value_parser = ["title", "description", "category"])]
        inherit: Vec<String>,
    },
    Copy {
        #[arg(id = "product")]
        product: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum ProofCommand {
    Add {
        #[arg(id = "product")]
        product: String,
        #[arg(long, value_parser = ["survey", "award"])]
        kind: String,
        #[arg(long = "title", id = "proof_title")]
        title: String,
        #[arg(long)]
        issuer: Option<String>,
        #[arg(long)]
        issued: String,
        #[arg(long)]
        until: Option<String>,
    },
    List {
        #[arg(id = "product")]
        product: String,
    },
    Remove {
        #[arg(id = "proof")]
        proof: String,
    },
    Restore {
        #[arg(id = "proof")]
        proof: String,
    },
}

/// `shop add|list|test|remove`: marketplace accounts. Secrets are read from the
/// `CHOPHIEN_SHOP_SECRET` variable or the first line of standard input, never from the
/// command line (which other users of the PC can see).
#[derive(Debug, Subcommand)]
pub(crate) enum ShopCommand {
    Add {
        #[arg(long, id = "platform")]
        platform: String,
        #[arg(long = "name", id = "shop_name")]
        name: String,
        #[arg(long)]
        app_key: Option<String>,
        #[arg(long)]
        service_id: Option<String>,
        #[arg(long)]
        partner_id: Option<u64>,
        #[arg(long)]
        shop_id: Option<u64>,
        #[arg(long)]
        code: Option<String>,
        #[arg(long, value_name = "URL")]
        practice: Option<String>,
    },
    List,
    Test {
        #[arg(id = "shop")]
        shop: String,
    },
    Categories {
        #[arg(id = "shop")]
        shop: String,
    },
    Reconnect {
        #[arg(id = "shop")]
        shop: String,
        #[arg(long)]
        code: Option<String>,
    },
    Remove {
        #[arg(id = "shop")]
        shop: String,
    },
}

/// `sandbox serve`: the practice marketplace, standalone.
#[derive(Debug, Subcommand)]
pub(crate) enum SandboxCommand {
    Serve {
        #[arg(long, default_value_t = 0)]
        port: u16,
        #[arg(long, default_value_t = 0.0)]
        fault_rate: f64,
        /// Its own data file (default: practice-market.sqlite in the data folder).
        #[arg(long = "market-db", value_name = "FILE")]
        market_db: Option<PathBuf>,
        #[arg(long, value_name = "MS", default_value_t = 3000)]
        review_delay_ms: u64,
    },
}

/// `sync [--shop S] [--dry-run]`: sends what waits in the outbox; `sync status|retry|resolve`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct SyncArgs {
    #[command(subcommand)]
    pub(crate) command: Option<SyncCommand>,
    #[arg(long = "shop", id = "shop_ref")]
    pub(crate) shop: Option<String>,
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Ask now about every product under review (instead of at its next turn).
    #[arg(long)]
    pub(crate) refresh: bool,
    /// Keep polling reviews this many seconds after everything is sent.
    #[arg(long, value_name = "SECONDS", default_value_t = 0)]
    pub(crate) wait_reviews: u64,
    /// Sync the shops of a practice marketplace (`chophien sandbox serve`) at this address.
    #[arg(long, value_name = "URL", requires = "practice_token")]
    pub(crate) practice: Option<String>,
    /// The practice marketplace's control token, as `sandbox serve` printed it.
    #[arg(
        long,
        value_name = "TOKEN",
        env = "CHOPHIEN_PRACTICE_TOKEN",
        hide_env_values = true
    )]
    pub(crate) practice_token: Option<String>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum SyncCommand {
    Status {
        #[arg(long = "shop", id = "shop_ref")]
        shop: Option<String>,
    },
    Retry {
        #[arg(id = "listing")]
        listing: String,
    },
    Resolve {
        #[arg(id = "listing")]
        listing: String,
        #[arg(
            long,
            conflicts_with = "take_remote",
            required_unless_present = "take_remote"
        )]
        keep_local: bool,
        #[arg(long)]
        take_remote: bool,
    },
}

/// `script PRODUCT… [--kind …]`: a selling script generated from the products' facts.
#[derive(Debug, clap::Args)]
pub(crate) struct ScriptArgs {
    #[arg(id = "products", required = true, num_args = 1..)]
    pub(crate) products: Vec<String>,
    #[arg(long, value_parser = ["livestream", "short15", "short30", "short60"], default_value = "livestream")]
    pub(crate) kind: String,
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=240))]
    pub(crate) minutes: u32,
    #[arg(long, value_parser = ["warm", "energetic", "expert"], default_value = "warm")]
    pub(crate) tone: String,
    #[arg(long)]
    pub(crate) offer: Option<String>,
    #[arg(long, default_value_t = chophien::scripts::DEFAULT_WORDS_PER_MINUTE,
          value_parser = clap::value_parser!(u32).range(60..=400))]
    pub(crate) wpm: u32,
    #[arg(long)]
    pub(crate) save: bool,
    #[arg(long, value_name = "FILE")]
    pub(crate) html: Option<PathBuf>,
    #[arg(long = "text", value_name = "FILE", id = "text_file")]
    pub(crate) text: Option<PathBuf>,
}
