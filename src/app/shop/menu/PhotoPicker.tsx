import { useEffect, useState } from 'react';
import { call } from '../../../client/api';
import type { MenuItem } from '../../../domain/catalogue';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui/Alert';
import { useAsyncAction } from '../../../ui/useAsyncAction';
import { shrinkPhoto } from './photo';
import { Msg } from '../../../ui/UserText';

/** Choose a photo on the device; it is shrunk here, then uploaded, and the item points at it. */
export function PhotoPicker({
  item,
  disabled,
  onSaved,
}: {
  item: MenuItem;
  disabled: boolean;
  onSaved: (item: MenuItem) => void;
}) {
  const { lang, t } = useT();
  const { busy, error, info, run } = useAsyncAction();
  const [preview, setPreview] = useState<string | null>(null);
  // A blob: URL holds the picture in memory until it is revoked.
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const pick = (file: File | undefined) => {
    if (!file) return;
    void run(async () => {
      const shrunk = await shrinkPhoto(file);
      if (!shrunk.ok)
        throw new Error(t(shrunk.problem === 'unreadable' ? 'mePhotoUnreadable' : 'mePhotoTooBig'));
      setPreview(URL.createObjectURL(file));
      const saved = await call('uploadPhoto', {
        lang,
        params: { itemId: item.id },
        body: { contentType: shrunk.type, data: shrunk.base64 },
      });
      onSaved(saved);
      return t('mePhotoSaved');
    });
  };

  const shown = preview ?? item.photoUrl;
  return (
    <div className="photo-picker">
      {shown && <img src={shown} alt={t('mePhotoPreview', { name: item.name })} width={160} height={120} />}
      <label>
        <Msg text={t('mePhotoPick')} user={{ name: item.name }} />
        <input
          type="file"
          accept="image/*"
          disabled={disabled || busy}
          aria-describedby="photo-hint"
          onChange={(e) => {
            pick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <small id="photo-hint" className="hint">
        {busy ? t('mePhotoUploading') : t('mePhotoHint')}
      </small>
      <Alert error={error} info={info} />
    </div>
  );
}
