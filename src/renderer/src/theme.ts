import { createTheme } from '@mantine/core';

// Windows, macOS and Linux each ship a different CJK face; list them before the generic fallback.
const cjkSans = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei"';

export const theme = createTheme({
  primaryColor: 'red',
  fontFamily: `system-ui, -apple-system, "Segoe UI", Roboto, ${cjkSans}, sans-serif`,
  headings: { fontFamily: `system-ui, -apple-system, "Segoe UI", Roboto, ${cjkSans}, sans-serif` },
});
