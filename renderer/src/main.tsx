import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/tiptap/styles.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const theme = createTheme({
  primaryColor: 'teal',
  // Darker shades keep text on filled buttons above WCAG AA contrast.
  primaryShade: 8,
  fontFamily: 'system-ui, "Noto Sans", "Segoe UI", Roboto, sans-serif',
  defaultRadius: 'md',
});

const root = document.getElementById('root');
if (!root) throw new Error('The page is missing its root element.');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <App />
    </MantineProvider>
  </StrictMode>,
);
