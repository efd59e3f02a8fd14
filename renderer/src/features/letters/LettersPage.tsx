import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Image,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { LetterheadSettings, TemplateInfo, UnsentLetter } from '../../../../shared/ipc/letters';
import { HeardError, errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { PageHeader } from '../shell/PageHeader';
import { CouncilAddresses } from './CouncilAddresses';
import { LetterEditorPage } from './LetterEditor';

export function LettersRoutes() {
  return (
    <Routes>
      <Route index element={<LettersHome />} />
      <Route path=":letterId" element={<LetterEditorPage />} />
    </Routes>
  );
}

function LettersHome() {
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  useEffect(() => {
    send('letters.templates', {})
      .then(setTemplates)
      .catch(() => setTemplates([]));
  }, []);
  return (
    <>
      <PageHeader
        title="Letters"
        description="Letters are written from a case: open the case and choose its Letters tab. Here are the letters still to send, the letterhead and the templates."
      />
      <Stack gap="lg">
        <UnsentLetters />
        <LetterheadForm />
        <CouncilAddresses />
        <Paper withBorder p="md" component="section" aria-labelledby="templates-title">
          <Title order={2} size="h4" id="templates-title" mb="xs">
            Templates
          </Title>
          <List spacing="xs">
            {templates.map((t) => (
              <List.Item key={t.id}>
                <Text fw={600} size="sm">
                  {t.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {t.description} To: {t.recipient}.
                </Text>
              </List.Item>
            ))}
          </List>
        </Paper>
      </Stack>
    </>
  );
}

/** Letters written but not yet recorded as sent: easy to forget once the PDF is saved. */
function UnsentLetters() {
  const [letters, setLetters] = useState<UnsentLetter[] | null>(null);
  useEffect(() => {
    send('letters.unsent', {})
      .then(setLetters)
      .catch(() => setLetters([]));
  }, []);
  if (!letters) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="unsent-title">
      <Title order={2} size="h4" id="unsent-title" mb="xs">
        Not sent yet
      </Title>
      {letters.length === 0 ? (
        <Text size="sm">Every letter written has been recorded as sent.</Text>
      ) : (
        <List spacing="xs">
          {letters.map((l) => (
            <List.Item key={l.id}>
              <Anchor component={Link} to={`/letters/${l.id}`} size="sm">
                {l.title}
              </Anchor>
              <Text span size="sm" c="dimmed">
                {' '}
                for {l.caseLabel ? `${l.caseLabel.name} (${l.caseLabel.reference})` : 'a case'}
                {l.createdAt ? `, written ${formatUkDate(l.createdAt)}` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

async function pngToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The service's name, address and logo, printed at the top of every letter. */
function LetterheadForm() {
  const [value, setValue] = useState<LetterheadSettings | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  useEffect(() => {
    send('letterhead.get', {})
      .then(setValue)
      .catch((e) => setMessage({ ok: false, text: errorMessage(e) }));
  }, []);
  if (!value) return null;

  const save = async () => {
    try {
      setValue(await send('letterhead.save', value));
      setFields({});
      setMessage({ ok: true, text: 'Letterhead saved. New PDFs will use it.' });
      announce('letterhead-saved');
    } catch (e) {
      setFields(e instanceof HeardError ? (e.fields ?? {}) : {});
      setMessage({ ok: false, text: errorMessage(e) });
    }
  };

  const pickLogo = async (file: File | null) => {
    if (!file) return setValue({ ...value, logoPngBase64: null });
    if (file.size > 290_000) return setMessage({ ok: false, text: 'The logo is too large. Use a PNG under 280 KB.' });
    setValue({ ...value, logoPngBase64: await pngToBase64(file) });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="letterhead-title">
      <Title order={2} size="h4" id="letterhead-title" mb="xs">
        Letterhead
      </Title>
      <Stack gap="sm" maw={560}>
        {message ? (
          <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </Alert>
        ) : null}
        <TextInput
          label="Service name"
          value={value.name}
          maxLength={200}
          onChange={(e) => setValue({ ...value, name: e.currentTarget.value })}
          error={fields.name}
        />
        <Textarea
          label="Address"
          description="One line per row, as it should appear on letters."
          value={value.address}
          autosize
          minRows={3}
          maxLength={1000}
          onChange={(e) => setValue({ ...value, address: e.currentTarget.value })}
          error={fields.address}
        />
        <Group align="flex-end">
          <FileInput
            label="Logo (PNG)"
            accept="image/png"
            clearable
            placeholder={value.logoPngBase64 ? 'Logo chosen' : 'Choose a PNG file'}
            onChange={(f) => void pickLogo(f)}
            error={fields.logoPngBase64}
            w={300}
          />
          {value.logoPngBase64 ? (
            <Image
              src={`data:image/png;base64,${value.logoPngBase64}`}
              alt="Current logo"
              h={48}
              w="auto"
              fit="contain"
            />
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          The letterhead says nothing about any young person, so it is kept outside the encrypted store.
        </Text>
        <Group>
          <Button onClick={() => void save()}>Save letterhead</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
