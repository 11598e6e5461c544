import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button, Card, CardContent, Chip, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { SimpleTreeView } from '@mui/x-tree-view/SimpleTreeView';
import { TreeItem } from '@mui/x-tree-view/TreeItem';
import { useQuery } from '@tanstack/react-query';
import React, { useMemo, useState } from 'react';
import { Link, Loading, Title, useCreatePath, useLocaleState, useTranslate } from 'react-admin';
import { AsOfPicker } from '../time/AsOfPicker';
import { noteServerToday, useAsOf } from '../time/asOf';
import { apiKeys, useApiDataProvider } from '../dataProvider/api';

interface Node {
  id: string;
  label: string;
  resource: string;
  recordId: string;
  households: number;
  residents: number;
  children?: Node[];
}

const sum = (nodes: Node[], key: 'households' | 'residents') => nodes.reduce((total, node) => total + node[key], 0);

/**
 * The district as a tree (district → offices, while there were any →
 * communities → grids) as of the day picked, with counts, search, and click-through.
 */
export const StructurePage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const asOf = useAsOf();
  const dataProvider = useApiDataProvider();
  const { data, error } = useQuery({ queryKey: apiKeys.structureTree(asOf), queryFn: () => dataProvider.structureTree(asOf) });
  const zh = locale.startsWith('zh');

  const tree = useMemo<Node[]>(
    () =>
      (data?.districts.items ?? []).map((d) => {
        if (!asOf) noteServerToday(d.communities.items[0]?.asOf);
        const communities = d.communities.items.map((c): Node & { officeId: string | null } => ({
          id: `c${c.id}`,
          resource: 'communities',
          recordId: c.id,
          label: `${c.code} ${zh ? c.name : c.nameEn}`,
          households: c.householdCount,
          residents: c.residentCount,
          officeId: c.officeId,
          children: c.grids.items.map((g) => ({
            id: `g${g.id}`,
            resource: 'grids',
            recordId: g.id,
            label: `${g.code} ${g.name}`,
            households: g.householdCount,
            residents: g.residentCount,
          })),
        }));
        // Before the reform communities belonged to sub-district offices; those without one hang from the district.
        const offices = d.offices.items.map((o): Node => {
          const children = communities.filter((c) => c.officeId === o.id);
          return {
            id: `o${o.id}`,
            resource: 'offices',
            recordId: o.id,
            label: zh ? o.name : o.nameEn,
            households: sum(children, 'households'),
            residents: sum(children, 'residents'),
            children,
          };
        });
        offices.sort((a, b) => a.label.localeCompare(b.label, locale));
        const officeIds = new Set(d.offices.items.map((o) => o.id));
        // The district's counts are its communities' (every household is in a grid of one), so they are not asked for again.
        return {
          id: `d${d.id}`,
          resource: 'districts',
          recordId: d.id,
          label: zh ? d.name : d.nameEn,
          households: sum(communities, 'households'),
          residents: sum(communities, 'residents'),
          children: [...offices, ...communities.filter((c) => !c.officeId || !officeIds.has(c.officeId))],
        };
      }),
    [data, zh, locale, asOf],
  );

  const filtered = useMemo(() => {
    const text = search.trim().toLowerCase();
    if (!text) return tree;
    const keep = (node: Node): Node | null => {
      const children = (node.children ?? []).map(keep).filter(Boolean) as Node[];
      return node.label.toLowerCase().includes(text) || children.length ? { ...node, children } : null;
    };
    return tree.map(keep).filter(Boolean) as Node[];
  }, [tree, search]);

  const byId = useMemo(() => {
    const map = new Map<string, Node>();
    const walk = (nodes: Node[]) =>
      nodes.forEach((n) => {
        map.set(n.id, n);
        walk(n.children ?? []);
      });
    walk(tree);
    return map;
  }, [tree]);

  const renderNode = (node: Node) => (
    <TreeItem
      key={node.id}
      itemId={node.id}
      data-testid={`tree-${node.id}`}
      label={
        <Stack direction="row" gap={1} alignItems="center" sx={{ py: 0.5 }}>
          <Typography component="span">{node.label}</Typography>
          <Chip
            size="small"
            variant="outlined"
            label={translate('cg.structure.counts', { households: node.households, residents: node.residents })}
          />
          <Link
            to={createPath({ resource: node.resource, id: node.recordId, type: 'show' })}
            onClick={(event: React.MouseEvent) => event.stopPropagation()}
            aria-label={translate('cg.structure.open')}
            style={{ display: 'inline-flex' }}
          >
            <OpenInNewIcon fontSize="small" />
          </Link>
        </Stack>
      }
    >
      {node.children?.map(renderNode)}
    </TreeItem>
  );

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="cg.structure.title" />
      <CardContent>
        <Stack direction="row" gap={2} alignItems="center" sx={{ mb: 2 }} flexWrap="wrap">
          <AsOfPicker planned />
          <MuiTextField
            size="small"
            label={translate('cg.structure.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            sx={{ minWidth: 320 }}
          />
          <Button
            sx={{ whiteSpace: 'nowrap' }}
            onClick={() => setExpanded([...byId.values()].filter((n) => n.children?.length).map((n) => n.id))}
          >
            {translate('cg.structure.expand_all')}
          </Button>
          <Button sx={{ whiteSpace: 'nowrap' }} onClick={() => setExpanded([])}>
            {translate('cg.structure.collapse_all')}
          </Button>
        </Stack>
        {error ? (
          <Typography color="error">{error.message}</Typography>
        ) : !data ? (
          <Loading />
        ) : filtered.length === 0 ? (
          <Typography>{translate('cg.structure.nothing')}</Typography>
        ) : (
          <SimpleTreeView
            expandedItems={search.trim() ? allIds(filtered) : (expanded ?? filtered.map((d) => d.id))}
            onExpandedItemsChange={(_event, ids) => setExpanded(ids)}
          >
            {filtered.map(renderNode)}
          </SimpleTreeView>
        )}
      </CardContent>
    </Card>
  );
};

const allIds = (nodes: Node[]): string[] => nodes.flatMap((n) => (n.children?.length ? [n.id, ...allIds(n.children)] : []));
