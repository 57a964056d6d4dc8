import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { RoutingPreview as Preview } from '../../../shared/server-api/reference-admin';
import { useDebounced } from '../call-screen/use-debounced';
import { useWorkstation } from '../shell/api-context';
import type { FormValues } from './entry-values';
import { useAdminWords } from './use-admin-words';

/**
 * Where the rule's category at its address goes as the server routes today: a line under the
 * form, asked again a moment after the admin stops typing.
 */
export function RoutingPreview({ values }: { values: FormValues }) {
  const { w } = useAdminWords();
  const { api } = useWorkstation();
  const category = useDebounced(String(values.category ?? '').trim(), 300);
  const districtCode = useDebounced(String(values.districtCode ?? '').trim(), 300);
  const streetCode = useDebounced(String(values.streetCode ?? '').trim(), 300);
  const [answer, setAnswer] = useState<{ preview: Preview | null; failed: boolean; for: string }>({
    preview: null,
    failed: false,
    for: '',
  });
  const asked = `${category}|${districtCode}|${streetCode}`;
  useEffect(() => {
    if (!category) return;
    let gone = false;
    const query = { category, ...(districtCode ? { districtCode } : {}), ...(streetCode ? { streetCode } : {}) };
    api.admin.routingPreview(query).then(
      (preview) => !gone && setAnswer({ preview, failed: false, for: asked }),
      () => !gone && setAnswer({ preview: null, failed: true, for: asked }),
    );
    return () => {
      gone = true;
    };
  }, [api, category, districtCode, streetCode, asked]);

  let line: string;
  const { preview } = answer;
  if (!category) line = w('preview.needCategory');
  else if (answer.for !== asked) line = w('preview.asking');
  else if (answer.failed || !preview) line = w('preview.failed');
  else if (!preview.leadUnitCode) line = w('preview.nobody');
  else {
    const also = preview.unitCodes.filter((code) => code !== preview.leadUnitCode);
    const why =
      preview.source === 'rule'
        ? w('preview.byRule', { rule: preview.ruleCode ?? '' })
        : w('preview.byHistory', { share: Math.round((preview.share ?? 0) * 100) });
    line = w('preview.goesTo', {
      lead: preview.leadUnitCode,
      also: also.length ? w('preview.also', { units: also.join('、') }) : '',
      why,
    });
  }
  return (
    <Text size="sm" c="dimmed" data-testid="admin-routing-preview" aria-live="polite">
      {line}
    </Text>
  );
}
