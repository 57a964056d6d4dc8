/**
 * What `/` answers in a browser: people open the first address they see. The server has no UI of
 * its own, so the page says where the workstation is and where the API is described. Static, with
 * no script, style or image, so its policy allows nothing at all.
 */
export const homePage = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>热线中心服务器 · Hotline central server</title>
</head>
<body>
<h1>热线中心服务器</h1>
<p>这是热线坐席工作站同步数据的中心服务器，没有操作界面。请打开<strong>坐席工作站</strong>：桌面应用，或浏览器主机
（<code>npm run web</code>，默认地址 <a href="http://127.0.0.1:12345/">http://127.0.0.1:12345/</a>；<code>npm start</code> 最后一行打印的地址）。</p>
<p>接口说明（OpenAPI）：<a href="/openapi.json">/openapi.json</a>。运行状态：<a href="/healthz">/healthz</a>。Open311 接口：<a href="/open311/discovery.json">/open311/discovery.json</a>。</p>
<h1 lang="en">Hotline central server</h1>
<p lang="en">This is the central server the hotline workstations sync with; it has no screens of its own. Open the <strong>workstation</strong>:
the desktop app, or the browser host (<code>npm run web</code>, by default <a href="http://127.0.0.1:12345/">http://127.0.0.1:12345/</a>;
the last line <code>npm start</code> prints).</p>
<p lang="en">API description (OpenAPI): <a href="/openapi.json">/openapi.json</a>. Health: <a href="/healthz">/healthz</a>.
Open311: <a href="/open311/discovery.json">/open311/discovery.json</a>.</p>
</body>
</html>
`;

export const homePageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};
