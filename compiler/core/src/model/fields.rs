//! Each kind's data as a list of fields: what ties a kind's struct to its row
//! of the kind table (every field made from a property names its key), and
//! what generic readers use: [`NodeKind::refs`](super::NodeKind::refs) and
//! the serialisable [`view`](super::view). The [`kind_data!`] macro declares a
//! struct and its field list together, so they cannot drift apart.

use archc_syntax::Span;

use super::cidr::Cidr;
use super::ports::PortRange;
use super::values::*;
use super::{NaclRule, NodeId, Spanned, SubnetBlock};

/// One field of a kind's data.
#[derive(Clone, Debug, PartialEq)]
pub struct Field<'a> {
    /// The field's name in the model (and the key of the view).
    pub name: &'static str,
    /// The kind-table property it is made from, if any.
    pub key: Option<&'static str>,
    pub value: FieldValue<'a>,
    /// True when the user wrote it; false when absent or defaulted.
    pub written: bool,
}

/// A field's value, borrowed from the model.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue<'a> {
    Absent,
    Bool(bool),
    Int(u64),
    Text(&'a str),
    /// An enumeration's word.
    Word(&'static str),
    Bytes(Bytes),
    Seconds(Seconds),
    Cidr(Cidr),
    Ports(&'a [PortRange]),
    /// A reference, with the span of the text that names it (detached for
    /// structural links such as a subnet's zone).
    Ref(NodeId, Span),
    List(Vec<FieldValue<'a>>),
    /// A subnet's block and whether archc chose it.
    Block {
        cidr: Option<Cidr>,
        allocated: bool,
    },
    Rules(&'a [NaclRule]),
}

/// A value that is one field value.
pub trait Scalar {
    fn scalar(&self, span: Span) -> FieldValue<'_>;
}

/// A field of a kind's struct: its value and whether it was written.
pub trait AsField {
    fn as_field(&self) -> (FieldValue<'_>, bool);
}

macro_rules! scalar {
    ($($t:ty => |$s:ident, $sp:ident| $e:expr;)*) => {
        $(impl Scalar for $t {
            #[allow(unused_variables)]
            fn scalar(&self, span: Span) -> FieldValue<'_> {
                let $s = self;
                let $sp = span;
                $e
            }
        })*
    };
}

scalar! {
    bool => |s, _sp| FieldValue::Bool(*s);
    u8 => |s, _sp| FieldValue::Int(u64::from(*s));
    u32 => |s, _sp| FieldValue::Int(u64::from(*s));
    u64 => |s, _sp| FieldValue::Int(*s);
    String => |s, _sp| FieldValue::Text(s);
    Cidr => |s, _sp| FieldValue::Cidr(*s);
    Bytes => |s, _sp| FieldValue::Bytes(*s);
    Seconds => |s, _sp| FieldValue::Seconds(*s);
    Vec<PortRange> => |s, _sp| FieldValue::Ports(s);
    NodeId => |s, sp| FieldValue::Ref(*s, sp);
}

macro_rules! word_scalar {
    ($($t:ty),*) => {
        $(impl Scalar for $t {
            fn scalar(&self, _: Span) -> FieldValue<'_> {
                FieldValue::Word(self.as_str())
            }
        })*
    };
}

word_scalar!(
    Direction,
    Theme,
    Tier,
    Connectivity,
    NatMode,
    EndpointType,
    RdsEngine,
    AuroraEngine,
    CacheEngine,
    Billing,
    Workflow,
    ApiType,
    RoutingPolicy,
    ZoneType,
    VpnRouting,
    Action,
    RuleDirection
);

impl<T: Scalar> AsField for Spanned<T> {
    fn as_field(&self) -> (FieldValue<'_>, bool) {
        (self.value.scalar(self.span), true)
    }
}

impl<T: Scalar> AsField for Option<Spanned<T>> {
    fn as_field(&self) -> (FieldValue<'_>, bool) {
        match self {
            Some(s) => (s.value.scalar(s.span), true),
            None => (FieldValue::Absent, false),
        }
    }
}

impl<T: Scalar> AsField for Resolved<T> {
    fn as_field(&self) -> (FieldValue<'_>, bool) {
        (self.value.scalar(self.span), self.written)
    }
}

impl<T: Scalar> AsField for Vec<Spanned<T>> {
    fn as_field(&self) -> (FieldValue<'_>, bool) {
        let items: Vec<FieldValue<'_>> = self.iter().map(|s| s.value.scalar(s.span)).collect();
        let written = !items.is_empty();
        (FieldValue::List(items), written)
    }
}

/// Structural facts that are not written as properties (a region's code, a
/// subnet's zone): always "written" when present.
impl<T: Scalar> AsField for Option<T> {
    fn as_field(&self) -> (FieldValue<'_>, bool) {
        match self {
            Some(v) => (v.scalar(Span::detached()), true),
            None => (FieldValue::Absent, false),
        }
    }
}

impl AsField for String {
    fn as_field(&self) -> (FieldValue<'_>, bool) {
        (FieldValue::Text(self), true)
    }
}

impl AsField for bool {
    fn as_field(&self) -> (FieldValue<'_>, bool) {
        (FieldValue::Bool(*self), true)
    }
}

impl AsField for SubnetBlock {
    fn as_field(&self) -> (FieldValue<'_>, bool) {
        let (cidr, allocated) = match self {
            SubnetBlock::Written(c) => (Some(c.value), false),
            SubnetBlock::Allocated(c) => (Some(*c), true),
            SubnetBlock::Unallocated => (None, true),
        };
        (FieldValue::Block { cidr, allocated }, matches!(self, SubnetBlock::Written(_)))
    }
}

impl AsField for Vec<NaclRule> {
    fn as_field(&self) -> (FieldValue<'_>, bool) {
        (FieldValue::Rules(self), !self.is_empty())
    }
}

/// Declares a kind's data struct and its [`Field`] list together. A field
/// made from a property names the property's key after `=`:
/// `engine: Option<Spanned<RdsEngine>> = "engine"`. `KEYS` lists those keys,
/// and a test holds them equal to the kind table's.
macro_rules! kind_data {
    ($(#[$m:meta])* pub struct $name:ident {
        $($(#[$fm:meta])* $field:ident : $ty:ty $(= $key:literal)?),* $(,)?
    }) => {
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name { $($(#[$fm])* pub $field: $ty),* }

        impl $name {
            /// The property keys its fields are made from.
            pub const KEYS: &'static [&'static str] = &[$($($key,)?)*];

            /// Every field, in declaration order.
            pub fn fields(&self) -> Vec<$crate::model::fields::Field<'_>> {
                vec![$({
                    let (value, written) = $crate::model::fields::AsField::as_field(&self.$field);
                    $crate::model::fields::Field {
                        name: stringify!($field),
                        key: kind_data!(@key $($key)?),
                        value,
                        written,
                    }
                }),*]
            }
        }
    };
    (@key) => { None };
    (@key $k:literal) => { Some($k) };
}

pub(crate) use kind_data;
