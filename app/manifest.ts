import type { MetadataRoute } from 'next';

/** The app as a phone installs it: opens full screen on the home page, 帮 on the home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: '驻村帮扶工作系统',
    short_name: '驻村帮扶',
    description: '驻村工作队考勤、入户走访、问题台账：没有信号也能录入，有信号后自动发送。',
    lang: 'zh-CN',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#1e40af',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
