import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/tiptap/styles.css';
import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const theme = createTheme({
  primaryColor: 'teal',
  // Darker shades keep text on filled buttons above WCAG AA contrast.
  primaryShade: 9,
  fontFamily: 'system-ui, "Noto Sans", "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'md',
  components: {
    // Mantine leaves the close button of a notification without a name for screen readers.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss message' } } },
  },
});

// Mantine's default "dimmed" grey and light-variant text fall below WCAG AA contrast on white.
const contrastSafe: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-teal-light-color': 'var(--mantine-color-teal-9)',
    // Hover darkens rather than lightens, so white text keeps its contrast.
    '--mantine-color-teal-filled-hover': '#066649',
  },
  dark: {},
});

const root = document.getElementById('root');
if (!root) throw new Error('The page is missing its root element.');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={contrastSafe}>
      <Notifications position="top-right" />
      <App />
    </MantineProvider>
  </StrictMode>,
);
