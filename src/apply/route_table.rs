//! Kind: the routes of a route table. Restorable; lakegate only ever removes or adds internet
//! routes (0.0.0.0/0 and ::/0 through an internet, egress-only or NAT gateway), so a write
//! deletes the internet routes the desired state lacks and creates the routes it adds.

use super::{Fut, LeaseKey, Resource};
use crate::aws::Aws;
use crate::error::{failed, Result};
use crate::plan::ResourceKind;
use crate::routes::{render, Route};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A route table's routes, in plans and history.
pub const KIND: ResourceKind = ResourceKind::new("route-table", "route table");

#[derive(Debug, Clone)]
pub struct RouteTable {
    pub id: String,
}

/// A route table's state: its routes (as JSON, in plans and history: `{"routes": [...]}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Routes {
    pub routes: Vec<Route>,
}

/// A route table's state: its routes.
pub fn state(routes: &[Route]) -> Routes {
    Routes {
        routes: routes.to_vec(),
    }
}

/// The routes of a state (none when there is none).
pub fn routes(state: Option<&Routes>) -> Vec<Route> {
    state.map(|s| s.routes.clone()).unwrap_or_default()
}

/// The routes of a kept state (a history entry's JSON).
pub fn kept(state: Option<&Value>) -> Result<Vec<Route>> {
    match state {
        Some(v) => serde_json::from_value::<Routes>(v.clone())
            .map(|r| r.routes)
            .map_err(|e| failed(format!("cannot read the routes of a kept state: {e}"))),
        None => Ok(Vec::new()),
    }
}

fn sorted(state: Option<&Routes>) -> Option<Vec<String>> {
    let mut v: Vec<String> = routes(state).iter().map(Route::describe).collect();
    v.sort();
    Some(v)
}

impl Resource for RouteTable {
    type State = Routes;
    fn kind(&self) -> ResourceKind {
        KIND
    }
    fn id(&self) -> &str {
        &self.id
    }
    fn lease_key(&self) -> Option<LeaseKey> {
        None
    }
    fn read<'a>(&'a self, aws: &'a Aws) -> Fut<'a, Option<Routes>> {
        Box::pin(async move {
            let tables = aws
                .route_tables(Some(std::slice::from_ref(&self.id)), None)
                .await?;
            Ok(tables
                .iter()
                .find(|t| t.id == self.id)
                .map(|t| state(&t.routes)))
        })
    }
    fn write<'a>(&'a self, aws: &'a Aws, desired: &'a Routes) -> Fut<'a, ()> {
        Box::pin(async move {
            let current = routes(self.read(aws).await?.as_ref());
            let desired = &desired.routes;
            for r in current.iter().filter(|r| r.is_internet()) {
                if !desired.iter().any(|d| d.destination == r.destination) {
                    aws.delete_route(&self.id, r).await?;
                    tracing::info!(route = r.describe(), table = self.id, "removed route");
                }
            }
            for r in desired {
                if !current.iter().any(|c| c.destination == r.destination) {
                    aws.create_route(&self.id, r).await?;
                    tracing::info!(route = r.describe(), table = self.id, "restored route");
                }
            }
            Ok(())
        })
    }
    fn delete<'a>(&'a self, _aws: &'a Aws) -> Fut<'a, ()> {
        Box::pin(async move {
            Err(failed(format!(
                "lakegate does not delete route tables ({})",
                self.id
            )))
        })
    }
    fn same(&self, a: Option<&Routes>, b: Option<&Routes>) -> bool {
        sorted(a) == sorted(b)
    }
    fn display(&self, before: Option<&Routes>, after: Option<&Routes>) -> Option<(String, String)> {
        Some((render(&routes(before)), render(&routes(after))))
    }
    /// Internet routes put back open the subnets to the internet again.
    fn lifts(&self, before: Option<&Routes>, after: Option<&Routes>) -> Option<String> {
        let before = routes(before);
        let added: Vec<String> = routes(after)
            .iter()
            .filter(|r| r.is_internet() && !before.iter().any(|b| b.destination == r.destination))
            .map(Route::describe)
            .collect();
        (!added.is_empty()).then(|| {
            format!(
                "route table {} gets internet routes back: {}",
                self.id,
                added.join(", ")
            )
        })
    }
}
