//! The model's wire form: a serialisable view, separate from the model so
//! that the JSON stays stable while the model changes. `archc model --format
//! json` prints it; the fixture snapshots are made from it.
//!
//! References are written as the qualified ids of the nodes they name;
//! ports, blocks and enumerations as the words of the language; sizes in
//! bytes, durations in seconds.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};

use super::fields::FieldValue;
use super::{Model, Node, NodeId};

#[derive(Clone, Debug, Serialize)]
pub struct ModelView {
    pub settings: SettingsView,
    pub nodes: Vec<NodeView>,
    pub flows: Vec<FlowView>,
    pub peerings: Vec<PeeringView>,
    /// Each component instance and the nodes its expansion declared.
    pub instances: Vec<InstanceView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SettingsView {
    pub title: Option<String>,
    pub direction: &'static str,
    pub theme: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct NodeView {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    pub parent: Option<String>,
    pub region: Option<String>,
    pub vpc: Option<String>,
    /// The subnets it is placed in.
    pub placement: Vec<String>,
    pub label: Option<String>,
    pub description: Option<String>,
    /// The kind's data as written (and structural facts such as a subnet's
    /// zone), by field name.
    pub props: BTreeMap<&'static str, Value>,
    /// The values the user did not write: the defaults archc resolved.
    pub defaults: BTreeMap<&'static str, Value>,
    /// The component instances it was declared through, outermost first.
    pub expansion: Vec<ExpansionView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ExpansionView {
    pub instance: String,
    pub component: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct InstanceView {
    pub instance: String,
    pub component: String,
    pub nodes: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FlowView {
    pub from: String,
    pub to: String,
    pub ports: Vec<String>,
    /// False when the ports are the target's natural port.
    pub ports_written: bool,
    pub label: Option<String>,
    pub pattern: Option<String>,
    pub filter: Option<String>,
    pub batch_size: Option<u32>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PeeringView {
    pub name: String,
    pub left: String,
    pub right: String,
    pub dns: Option<bool>,
    pub label: Option<String>,
}

/// The view of a model.
pub fn view(m: &Model) -> ModelView {
    let id = |n: NodeId| m.get(n).map_or_else(|| format!("#{}", n.0), |n| n.id.clone());
    let text = |s: &Option<super::Spanned<String>>| s.as_ref().map(|s| s.value.clone());
    ModelView {
        settings: SettingsView {
            title: text(&m.settings.title),
            direction: m.settings.direction.value.as_str(),
            theme: m.settings.theme.value.as_str(),
        },
        nodes: m.nodes().iter().map(|n| node(m, n)).collect(),
        flows: m
            .flows()
            .iter()
            .map(|f| FlowView {
                from: id(f.from.value),
                to: id(f.to.value),
                ports: f.ports.iter().map(ToString::to_string).collect(),
                ports_written: f.ports_written,
                label: text(&f.label),
                pattern: text(&f.pattern),
                filter: text(&f.filter),
                batch_size: f.batch_size.as_ref().map(|b| b.value),
                description: text(&f.description),
            })
            .collect(),
        peerings: m
            .peerings()
            .iter()
            .map(|p| PeeringView {
                name: p.name.value.clone(),
                left: id(p.left.value),
                right: id(p.right.value),
                dns: p.dns.as_ref().map(|d| d.value),
                label: text(&p.label),
            })
            .collect(),
        instances: m
            .instances()
            .iter()
            .map(|(e, nodes)| InstanceView {
                instance: e.instance.clone(),
                component: e.component.clone(),
                nodes: nodes.iter().map(|&n| id(n)).collect(),
            })
            .collect(),
    }
}

fn node(m: &Model, n: &Node) -> NodeView {
    let id = |n: NodeId| m.get(n).map_or_else(|| format!("#{}", n.0), |n| n.id.clone());
    let mut props = BTreeMap::new();
    let mut defaults = BTreeMap::new();
    for f in n.kind.fields() {
        if let FieldValue::Block { cidr, allocated } = &f.value {
            if let Some(c) = cidr {
                props.insert("cidr", json!(c.to_string()));
            }
            props.insert("allocated", json!(allocated));
            continue;
        }
        let Some(v) = value(m, &f.value) else { continue };
        if f.written {
            props.insert(f.name, v);
        } else {
            defaults.insert(f.name, v);
        }
    }
    NodeView {
        id: n.id.clone(),
        kind: n.kind().keyword(),
        name: n.name.clone(),
        parent: n.parent.map(id),
        region: n.region.map(id),
        vpc: n.vpc.map(id),
        placement: n.placement.iter().map(|&p| id(p)).collect(),
        label: n.label.as_ref().map(|l| l.value.clone()),
        description: n.description.as_ref().map(|l| l.value.clone()),
        props,
        defaults,
        expansion: n
            .expansion
            .iter()
            .map(|e| ExpansionView { instance: e.instance.clone(), component: e.component.clone() })
            .collect(),
    }
}

/// A field value as JSON; None when absent or an empty list.
pub fn value(m: &Model, v: &FieldValue<'_>) -> Option<Value> {
    Some(match v {
        FieldValue::Absent => return None,
        FieldValue::Bool(b) => json!(b),
        FieldValue::Int(n) => json!(n),
        FieldValue::Text(t) => json!(t),
        FieldValue::Word(w) => json!(w),
        FieldValue::Bytes(b) => json!(b.0),
        FieldValue::Seconds(s) => json!(s.0),
        FieldValue::Cidr(c) => json!(c.to_string()),
        FieldValue::Ports(p) => json!(p.iter().map(ToString::to_string).collect::<Vec<_>>()),
        FieldValue::Ref(n, _) => json!(m.get(*n).map_or_else(|| format!("#{}", n.0), |n| n.id.clone())),
        FieldValue::List(items) if items.is_empty() => return None,
        FieldValue::List(items) => Value::Array(items.iter().filter_map(|i| value(m, i)).collect()),
        FieldValue::Block { cidr, .. } => json!(cidr.map(|c| c.to_string())),
        FieldValue::Rules([]) => return None,
        FieldValue::Rules(rules) => Value::Array(
            rules
                .iter()
                .map(|r| {
                    json!({
                        "action": r.action.as_str(),
                        "direction": r.direction.as_str(),
                        "number": r.number.value,
                        "ports": r.ports.iter().map(ToString::to_string).collect::<Vec<_>>(),
                        "cidr": r.cidr.value.to_string(),
                    })
                })
                .collect(),
        ),
    })
}
