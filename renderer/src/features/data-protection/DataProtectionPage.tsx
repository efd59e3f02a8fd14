import { Tabs } from '@mantine/core';
import { useEffect } from 'react';
import { announce } from '../../api/events';
import { PageHeader } from '../shell/PageHeader';
import { AuditTrail } from './AuditTrail';
import { BackupPanel } from './BackupPanel';
import { RetentionPanel } from './RetentionPanel';

/** The audit trail, retention and backups: what a data protection lead looks after. */
export function DataProtectionPage() {
  useEffect(() => announce('data-protection'), []);
  return (
    <>
      <PageHeader
        title="Data protection"
        description="Who has opened which records, how long records are kept, and encrypted backups."
      />
      <Tabs defaultValue="audit" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="audit">Audit trail</Tabs.Tab>
          <Tabs.Tab value="retention">Retention</Tabs.Tab>
          <Tabs.Tab value="backup">Backup and restore</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="audit">
          <AuditTrail showCheck />
        </Tabs.Panel>
        <Tabs.Panel value="retention">
          <RetentionPanel />
        </Tabs.Panel>
        <Tabs.Panel value="backup">
          <BackupPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
