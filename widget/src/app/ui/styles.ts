/** The panel's stylesheet, adopted into the shadow root (never a `<style>` element or style attribute). */
export const APP_CSS = `
.frontdesk{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a}
.frontdesk *,.frontdesk *::before,.frontdesk *::after{box-sizing:border-box}
:host>button{position:relative}
:host>button>.unread{position:absolute;top:-4px;right:-4px;box-sizing:border-box;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#b91c1c;color:#fff;font:700 12px/22px system-ui,sans-serif;text-align:center;box-shadow:0 0 0 2px #fff}
@media (forced-colors:active){:host>button>.unread{border:1px solid}}
.sr-only{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.panel{position:fixed;right:20px;bottom:88px;z-index:1;width:min(380px,calc(100vw - 40px));height:min(640px,calc(100vh - 112px));display:flex;flex-direction:column;background:#fff;color:#1a1a1a;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.25);overflow:hidden}
@media (min-width:640px){.left .panel{right:auto;left:20px}}
.logo{width:32px;height:32px;object-fit:contain;border-radius:6px;flex:none}
@media (max-width:639.98px){.panel{left:0;right:0;top:var(--fd-vv-top,0px);bottom:auto;width:100%;height:var(--fd-vv-height,100dvh);border-radius:0}}
@media (prefers-reduced-motion:no-preference){.panel{animation:fd-in .18s ease-out}@keyframes fd-in{from{opacity:0;transform:translateY(8px)}}}
button,textarea,input{font:inherit;color:inherit}
button{cursor:pointer}
button:disabled{cursor:default;opacity:.6}
:focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.header{display:flex;align-items:center;gap:12px;padding:14px 12px 14px 18px;background:var(--fd-accent);color:var(--fd-on-accent)}
.heading{flex:1;min-width:0}
.header h2{margin:0;font-size:17px;font-weight:650;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.subtitle{margin:2px 0 0;font-size:13px}
.icon-button{all:unset;display:grid;place-items:center;width:40px;height:40px;border-radius:50%;cursor:pointer}
.icon-button:hover{background:rgba(127,127,127,.25)}
.icon-button svg,.send svg{width:22px;height:22px;fill:currentColor}
svg{stroke:none}
.banner{margin:0;padding:8px 16px;font-size:13px;background:#fff4d6;color:#4d3800;border-bottom:1px solid #f0dca0}
.banner.error{background:#fde8e8;color:#7a1212;border-color:#f3c2c2}
.hours{margin:0;padding:6px 16px;font-size:13px;background:#f4f5f7;color:#3a3f47;border-bottom:1px solid #e3e6ea}
.hours.open{background:#e9f7ef;color:#14532d}
.log{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:16px;display:flex;flex-direction:column;gap:10px}
.row{display:flex;flex-direction:column;max-width:85%}
.row.mine{align-self:flex-end;align-items:flex-end}
.row.theirs{align-self:flex-start;align-items:flex-start}
.who{display:flex;align-items:center;gap:6px;font-size:12px;color:#545454;margin:0 4px 3px}
.face{flex:none;display:inline-grid;place-items:center;width:24px;height:24px;border-radius:50%;object-fit:cover;overflow:hidden;background:#e9ecef}
.face--md{width:28px;height:28px}
.face--initials{background:var(--fd-face-bg,var(--fd-accent));color:var(--fd-face-fg,var(--fd-on-accent));font-size:10.5px;font-weight:700;letter-spacing:.02em}
.face--initials::before{content:attr(data-initials)}
.face--bot{color:#3a3f47}.face--bot svg{width:16px;height:16px;fill:currentColor}
.face--logo{object-fit:contain;background:#fff;border-radius:6px}
.subtitle .face{width:20px;height:20px;margin-right:6px;vertical-align:-5px;box-shadow:0 0 0 1.5px var(--fd-on-accent);font-size:9px}
.row.cont{margin-top:-6px}
@media (forced-colors:active){.face{border:1px solid}}
.bubble{padding:9px 13px;border-radius:16px;overflow-wrap:anywhere}
.mine .bubble{background:var(--fd-accent);color:var(--fd-on-accent);border-bottom-right-radius:4px}
.theirs .bubble{background:#f1f3f5;color:#1a1a1a;border-bottom-left-radius:4px}
.text{margin:0;white-space:pre-wrap}
.md>:first-child{margin-top:0}.md>:last-child{margin-bottom:0}
.md p,.md ul,.md ol,.md pre,.md blockquote{margin:0 0 8px}
.md ul,.md ol{padding-left:20px}
.md a{color:inherit;text-decoration:underline}
.md pre{overflow-x:auto;padding:8px;background:#e3e6ea;border-radius:6px}
.md code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
.md blockquote{padding-left:10px;border-left:3px solid #c4c8cd}
.md table{border-collapse:collapse}.md th,.md td{border:1px solid #c4c8cd;padding:3px 6px}
.pending .bubble{opacity:.75}
.failed .bubble{background:#fde8e8;color:#7a1212;outline:1px solid #d94040}
.status{margin:3px 4px 0;font-size:12px;color:#545454}
.failed .status{color:#a11a1a}
.stamp{position:relative;font-size:11.5px;color:#545454;margin:2px 4px 0;border-radius:4px}
.stamp__exact{position:absolute;bottom:calc(100% + 4px);left:0;z-index:2;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;background:#1a1a1a;color:#fff;border-radius:6px;font-size:12px}
.mine .stamp__exact{left:auto;right:0}
.stamp:hover .stamp__exact,.stamp:focus .stamp__exact{width:auto;height:auto;padding:3px 8px;clip-path:none}
.stamp:focus-visible{outline:2px solid var(--fd-accent);outline-offset:1px}
.seen{font-size:11.5px;color:#545454;margin:0 4px}
.typing{min-height:20px;margin:0;padding:0 16px 2px;font-size:12.5px;font-style:italic;color:#545454}
.note{align-self:center;margin:4px 0;padding:3px 10px;font-size:12.5px;color:#545454;text-align:center;background:#f6f7f8;border-radius:10px}
.quick-replies{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
.chip{padding:6px 12px;border:1.5px solid #5c5c5c;border-radius:16px;background:#fff;color:#1a1a1a}
.chip:hover{background:#f1f3f5}
.link{all:unset;cursor:pointer;color:#1b4fa8;text-decoration:underline;font-size:13px}
.not-helpful{align-self:flex-start;margin:-4px 0 0 4px}
.footer{border-top:1px solid #e3e6ea;padding:10px 12px 12px;display:flex;flex-direction:column;gap:8px}
.secondary{padding:8px 14px;border:1.5px solid #5c5c5c;border-radius:10px;background:#fff}
.secondary:hover{background:#f1f3f5}
.primary{padding:8px 14px;border:0;border-radius:10px;background:var(--fd-accent);color:var(--fd-on-accent)}
.handoff{align-self:center;white-space:nowrap;flex-shrink:0;min-width:max-content}
.footer>*{flex-shrink:0}
.waiting{display:flex;align-items:center;gap:10px;padding:8px 10px;background:#eef3fb;border-radius:10px;font-size:14px}
.waiting p{margin:0}
.dots{display:flex;gap:3px}.dots span{width:7px;height:7px;border-radius:50%;background:#1b4fa8}
@media (prefers-reduced-motion:no-preference){.dots span{animation:fd-blink 1.2s infinite both}.dots span:nth-child(2){animation-delay:.2s}.dots span:nth-child(3){animation-delay:.4s}@keyframes fd-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}}
.rating form{display:flex;flex-direction:column;gap:6px}
.rating fieldset{border:0;margin:0;padding:0}
.rating legend{padding:0;font-weight:600;margin-bottom:4px}
.stars{display:flex;gap:2px}
.stars label{position:relative;font-size:28px;line-height:1;color:#767676;cursor:pointer;padding:2px}
.stars label.on{color:#b25e00}
.stars input{position:absolute;inset:0;opacity:0;margin:0;cursor:pointer}
.stars input:focus-visible+span{outline:3px solid #111;outline-offset:2px;border-radius:4px}
.stars span>svg{display:block;width:28px;height:28px;fill:currentColor}
.field-label{font-size:13px;color:#404040}
.rating textarea{resize:vertical;padding:6px 8px;border:1.5px solid #767676;border-radius:8px}
.rating.done{display:flex;flex-direction:column;align-items:center;gap:8px}
.rating.done p{margin:0}
.composer{display:flex;align-items:flex-end;gap:8px}
.composer textarea{flex:1;resize:none;min-height:42px;max-height:140px;padding:10px 12px;border:1.5px solid #767676;border-radius:12px;background:#fff;field-sizing:content}
.send{display:grid;place-items:center;width:42px;height:42px;border:0;border-radius:50%;background:var(--fd-accent);color:var(--fd-on-accent)}
.offline-form{display:flex;flex-direction:column;gap:8px;max-height:min(460px,62vh);overflow-y:auto;padding:4px}
.offline-form h3{margin:0;font-size:16px}
.offline-why{margin:0;font-size:14px}
.offline-field{display:flex;flex-direction:column;gap:3px}
.offline-field input,.offline-field textarea,.offline-field select{width:100%;font:inherit;color:inherit;padding:8px 10px;border:1.5px solid #767676;border-radius:8px;background:#fff}
.offline-field textarea{resize:vertical}
.offline-field [aria-invalid]{border-color:#b91c1c}
.field-error{margin:0;font-size:13px;color:#a11a1a}
.offline-actions{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:8px}
.offline-sent{margin:0;padding:10px 12px;background:#e8f5ec;color:#14532d;border-radius:10px;font-size:14px}
.attach{width:42px;height:42px;flex:none;color:#3a3f47}
.bubble.attachment{padding:0;background:none;border-radius:12px}
.thumb{all:unset;cursor:pointer;display:block;border-radius:12px;overflow:hidden;line-height:0}
.thumb img{display:block;max-width:220px;max-height:220px;width:auto;height:auto}
.thumb-placeholder{display:block;width:120px;height:90px;background:#e3e6ea}
.file{display:flex;align-items:center;gap:8px;max-width:100%;padding:8px 10px;border:1.5px solid #c4c8cd;border-radius:12px;background:#fff;color:#1a1a1a;text-align:left}
.file svg{width:24px;height:24px;flex:none;fill:#3a3f47}
.file-text{overflow-wrap:anywhere;text-decoration:underline}
.lightbox{position:fixed;inset:0;z-index:2;display:grid;place-items:center;padding:48px 12px 12px;background:rgba(0,0,0,.85)}
.lightbox img{max-width:100%;max-height:calc(100vh - 60px);object-fit:contain;border-radius:4px}
.lightbox-close{position:absolute;top:8px;right:8px;color:#fff}
.uploads{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.upload{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;font-size:13px}
.upload-name{flex:1 1 100%;overflow-wrap:anywhere}
.upload progress{flex:1;height:6px;accent-color:var(--fd-accent)}
.upload.failed{color:#7a1212}
.dragging{outline:3px dashed var(--fd-accent);outline-offset:-6px}
.drop-hint{margin:0;padding:10px;text-align:center;border:2px dashed #767676;border-radius:10px;font-size:13px}
.menu-wrap{position:relative}
.menu{position:absolute;right:0;top:calc(100% + 4px);z-index:2;min-width:250px;padding:4px;background:#fff;color:#1a1a1a;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.22)}
.menu-item{all:unset;box-sizing:border-box;display:block;width:100%;padding:9px 12px;border-radius:8px;cursor:pointer}
.menu-item:hover,.menu-item:focus-visible{background:#f1f3f5}
.menu-check{display:flex;align-items:center;gap:8px}
.menu-item:not(.menu-check){padding-left:38px}
.menu-check>svg{width:18px;height:18px;fill:currentColor;flex:none}
.confirm{margin:0;border:0;min-width:0;display:flex;flex-direction:column;gap:8px;padding:10px 12px;background:#fdf2f2;border-radius:10px}
.confirm p{margin:0}
.confirm-actions{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:8px}
.danger{padding:8px 14px;border:0;border-radius:10px;background:#b91c1c;color:#fff}
.notice-ok{margin:0;padding:8px 16px;font-size:13px;background:#e8f5ec;color:#14532d;border-bottom:1px solid #c3e6cf}
@media (forced-colors:active){.bubble,.chip,.secondary,.primary,.send,.danger,.menu{border:1px solid CanvasText}}
`;
