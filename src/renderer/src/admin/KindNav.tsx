import { NavLink, Stack } from '@mantine/core';
import type { KeyboardEvent, RefObject } from 'react';
import { type AdminSection, adminSections } from './admin-kinds';
import { useAdminWords } from './use-admin-words';

/** The left column: ↑/↓ choose what to edit, Enter or → goes to its list. */
export function KindNav({
  section,
  onSection,
  onEnter,
  navRef,
}: {
  section: AdminSection;
  onSection: (section: AdminSection) => void;
  onEnter: () => void;
  navRef: RefObject<HTMLDivElement | null>;
}) {
  const { w } = useAdminWords();
  const at = adminSections.indexOf(section);
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step) onSection(adminSections[(at + step + adminSections.length) % adminSections.length]!);
    else if (event.key === 'Enter' || event.key === 'ArrowRight') onEnter();
    else return;
    event.preventDefault();
  };
  return (
    <Stack
      gap={0}
      role="listbox"
      tabIndex={0}
      aria-label={w('kindsLabel')}
      aria-activedescendant={`admin-kind-${section}`}
      ref={navRef}
      onKeyDown={onKeyDown}
      data-testid="admin-kinds"
    >
      {adminSections.map((id) => (
        <NavLink
          key={id}
          id={`admin-kind-${id}`}
          role="option"
          aria-selected={id === section}
          active={id === section}
          label={w(`kinds.${id}`)}
          tabIndex={-1}
          onClick={() => onSection(id)}
          py={4}
        />
      ))}
    </Stack>
  );
}
